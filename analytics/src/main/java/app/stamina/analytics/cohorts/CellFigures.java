package app.stamina.analytics.cohorts;

import app.stamina.analytics.cohorts.Contribution.WeeklyMetric;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The count histograms of one cell: per relative week and weekly metric the values of the athletes who had facts
 * that week, per milestone the days it was reached, and per lift the working loads in effect from each week on.
 * Athletes are added and taken away exactly; groups merge the histograms of their cells.
 */
final class CellFigures {

    private static final int WEEKLY = WeeklyMetric.values().length;

    private int athletes;
    private final Map<Integer, Histogram[]> weeks = new HashMap<>();
    private final Map<String, Histogram> milestoneDays = new HashMap<>();
    /** Per lift, the loads in effect from each week (a key) until the next key. */
    private final Map<String, TreeMap<Integer, Histogram>> loads = new HashMap<>();

    /** Adds the athlete's contribution, or with {@code sign} -1 takes it away. */
    void add(Contribution athlete, int sign) {
        athletes += sign;
        Contribution.Weeks athleteWeeks = athlete.weeks();
        for (int i = 0; i < athleteWeeks.size(); i++) {
            Histogram[] histograms = weeks.computeIfAbsent(athleteWeeks.week(i), w -> newHistograms());
            for (WeeklyMetric metric : WeeklyMetric.values()) {
                histograms[metric.ordinal()].add(athleteWeeks.value(i, metric), sign);
            }
        }
        athlete.milestoneDays().forEach((milestone, day) ->
                milestoneDays.computeIfAbsent(milestone, m -> new Histogram()).add(day, sign));
        athlete.loadsByWeek().forEach((lift, byWeek) -> addLoads(lift, byWeek, sign));
    }

    private void addLoads(String lift, TreeMap<Integer, Long> byWeek, int sign) {
        if (byWeek.isEmpty()) {
            return;
        }
        TreeMap<Integer, Histogram> inEffect = loads.computeIfAbsent(lift, l -> new TreeMap<>());
        for (int week : byWeek.keySet()) {
            inEffect.computeIfAbsent(week, w -> {
                Histogram copy = new Histogram();
                Map.Entry<Integer, Histogram> before = inEffect.floorEntry(w);
                if (before != null) {
                    copy.addAll(before.getValue());
                }
                return copy;
            });
        }
        for (Map.Entry<Integer, Histogram> from : inEffect.tailMap(byWeek.firstKey(), true).entrySet()) {
            from.getValue().add(byWeek.floorEntry(from.getKey()).getValue(), sign);
        }
    }

    private static Histogram[] newHistograms() {
        Histogram[] histograms = new Histogram[WEEKLY];
        for (int metric = 0; metric < WEEKLY; metric++) {
            histograms[metric] = new Histogram();
        }
        return histograms;
    }

    int athletes() {
        return athletes;
    }

    /** Adds the cell's values of a weekly metric in {@code week} to {@code into}: 0 for athletes without facts. */
    void addWeekly(int week, WeeklyMetric metric, Histogram into) {
        Histogram[] histograms = weeks.get(week);
        long withFacts = 0;
        if (histograms != null) {
            into.addAll(histograms[metric.ordinal()]);
            withFacts = histograms[metric.ordinal()].n();
        }
        into.add(0, athletes - withFacts);
    }

    /** Adds the working loads of {@code lift} in effect at the end of {@code week}, of athletes who had one. */
    void addLoads(String lift, int week, Histogram into) {
        TreeMap<Integer, Histogram> inEffect = loads.get(lift);
        Map.Entry<Integer, Histogram> at = inEffect == null ? null : inEffect.floorEntry(week);
        if (at != null) {
            into.addAll(at.getValue());
        }
    }

    /** The days since enrollment on which athletes of this cell reached {@code milestone}. */
    Histogram milestoneDays(String milestone) {
        return milestoneDays.getOrDefault(milestone, new Histogram());
    }
}
