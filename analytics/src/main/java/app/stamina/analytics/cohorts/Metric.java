package app.stamina.analytics.cohorts;

import app.stamina.analytics.cohorts.Contribution.WeeklyMetric;
import app.stamina.edge.InvalidRequest;

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

    /**
     * Adds the cell's values in relative week {@code week} to {@code into}: every athlete for the weekly metrics (0
     * without facts that week), only athletes with a working load for a lift.
     */
    void addValues(CellFigures cell, int week, Histogram into) {
        if (lift != null) {
            cell.addLoads(lift, week, into);
            return;
        }
        cell.addWeekly(week, switch (name) {
            case "bestHoldSeconds" -> WeeklyMetric.BEST_HOLD_SECONDS;
            case "sessions" -> WeeklyMetric.SESSIONS;
            case "totalHoldSeconds" -> WeeklyMetric.TOTAL_HOLD_SECONDS;
            default -> WeeklyMetric.SETBACKS;
        }, into);
    }

    @Override
    public String toString() {
        return lift == null ? name : name + ":" + lift;
    }
}
