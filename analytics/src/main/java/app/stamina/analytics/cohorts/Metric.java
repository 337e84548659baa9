package app.stamina.analytics.cohorts;

import app.stamina.analytics.facts.AthleteFacts;
import app.stamina.analytics.facts.WeekFacts;
import app.stamina.edge.InvalidRequest;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What a trend measures per athlete and relative week: {@code bestHoldSeconds}, {@code sessions},
 * {@code totalHoldSeconds}, {@code setbacks} (0 in a week without any, dropouts included), or
 * {@code workingLoadKg:<lift>} (only athletes with a working load for that lift at the week's end).
 */
record Metric(String name, String lift) {

    private static final Pattern LIFT = Pattern.compile("[a-z0-9-]{1,40}");

    static Metric parse(String raw) {
        if (raw == null) {
            throw InvalidRequest.of("metric", "is required: bestHoldSeconds, sessions, totalHoldSeconds, setbacks or workingLoadKg:<lift>");
        }
        if (raw.startsWith("workingLoadKg:") && LIFT.matcher(raw.substring(14)).matches()) {
            return new Metric("workingLoadKg", raw.substring(14));
        }
        return switch (raw) {
            case "bestHoldSeconds", "sessions", "totalHoldSeconds", "setbacks" -> new Metric(raw, null);
            default -> throw InvalidRequest.of("metric", "unknown metric '" + raw
                    + "'; metrics are bestHoldSeconds, sessions, totalHoldSeconds, setbacks and workingLoadKg:<lift>");
        };
    }

    /** Integer units: grams for loads, shown in kilograms. */
    int unit() {
        return lift == null ? 1 : 1000;
    }

    /** The athlete's value in relative week {@code week}, or null when the athlete does not count in it. */
    Long valueOf(AthleteFacts athlete, int week) {
        if (lift != null) {
            LocalDate lastDay = athlete.enrollDate().plusDays(7L * week + 6);
            return athlete.workingLoadGramsOn(lift, lastDay);
        }
        WeekFacts facts = athlete.weeks().get(week);
        if (facts == null) {
            return 0L;
        }
        return (long) switch (name) {
            case "bestHoldSeconds" -> facts.bestHoldSeconds();
            case "sessions" -> facts.sessions();
            case "totalHoldSeconds" -> facts.totalHoldSeconds();
            default -> facts.setbacks();
        };
    }

    @Override
    public String toString() {
        return lift == null ? name : name + ":" + lift;
    }
}
