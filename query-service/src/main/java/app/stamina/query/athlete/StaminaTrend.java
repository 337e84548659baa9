package app.stamina.query.athlete;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /stamina-trend}: one row per ISO week in the athlete's zone, from the first to the last week with
 * data, weeks without holds included with zeros, limited to the weeks that overlap {@code from} to {@code to}.
 */
public record StaminaTrend(String athleteId, List<Week> weeks) {

    public record Week(LocalDate weekStart, int sessions, int bestHoldSeconds, int totalHoldSeconds,
                       BigDecimal maxHoldLoadKg, int countedHolds, int offProtocolHolds) {
    }

    public static StaminaTrend of(AthleteView view, LocalDate from, LocalDate to) {
        List<Week> rows = new ArrayList<>();
        if (!view.weeks().isEmpty()) {
            LocalDate first = view.weeks().keySet().iterator().next();
            LocalDate last = view.weeks().keySet().stream().max(LocalDate::compareTo).orElseThrow();
            for (LocalDate week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
                boolean overlaps = (from == null || !week.plusDays(6).isBefore(from)) && (to == null || !week.isAfter(to));
                if (overlaps) {
                    rows.add(row(week, view.weeks().get(week)));
                }
            }
        }
        return new StaminaTrend(view.athleteId(), rows);
    }

    private static Week row(LocalDate week, WeekFigures figures) {
        if (figures == null) {
            return new Week(week, 0, 0, 0, BigDecimal.ZERO, 0, 0);
        }
        return new Week(week, figures.sessions(), figures.bestHoldSeconds(), figures.totalHoldSeconds(),
                figures.maxHoldLoadKg(), figures.countedHolds(), figures.offProtocolHolds());
    }
}
