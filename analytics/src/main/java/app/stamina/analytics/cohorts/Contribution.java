package app.stamina.analytics.cohorts;

import app.stamina.analytics.facts.AthleteFacts;
import app.stamina.analytics.facts.WeekFacts;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One athlete's part in the figures of their cell, kept so that it can be taken away again when newer facts of the
 * athlete replace it: the weekly metrics of each week with facts, the day of each milestone, and per lift the
 * working load from each week it changed. Never changed once made: the athlete-weeks export reads it without a lock.
 */
public record Contribution(long version, Cell cell, Instant lastOccurredAt, Weeks weeks,
                           Map<String, Integer> milestoneDays, Map<String, TreeMap<Integer, Long>> loadsByWeek) {

    static Contribution of(AthleteFacts athlete) {
        Map<String, TreeMap<Integer, Long>> loads = new HashMap<>();
        athlete.lifts().forEach(lift -> loads.put(lift, athlete.workingLoadGramsByWeek(lift)));
        return new Contribution(athlete.version(), Cell.of(athlete), athlete.lastOccurredAt(),
                Weeks.of(athlete.weeks()), Map.copyOf(athlete.milestoneDays()), loads);
    }

    /** The value of {@code metric} in relative week {@code week}: 0 in a week without facts. */
    public long metric(int week, WeeklyMetric metric) {
        return weeks.valueIn(week, metric);
    }

    /** The lifts that ever had a working load, in the order of their codes. */
    public SortedSet<String> lifts() {
        return new TreeSet<>(loadsByWeek.keySet());
    }

    /** The working load of {@code lift} in grams at the end of relative week {@code week}, or null without one. */
    public Long workingLoadGrams(String lift, int week) {
        TreeMap<Integer, Long> byWeek = loadsByWeek.get(lift);
        Map.Entry<Integer, Long> inEffect = byWeek == null ? null : byWeek.floorEntry(week);
        return inEffect == null ? null : inEffect.getValue();
    }

    /** The metrics kept per athlete and week, in the order of {@link #valuesOf}. */
    public enum WeeklyMetric {
        BEST_HOLD_SECONDS, SESSIONS, TOTAL_HOLD_SECONDS, SETBACKS;

        static long[] valuesOf(WeekFacts facts) {
            return new long[]{facts.bestHoldSeconds(), facts.sessions(), facts.totalHoldSeconds(), facts.setbacks()};
        }
    }

    /**
     * The weekly metrics of the weeks with facts, in order of week: the cohort index keeps one for each of its
     * thousands of athletes, so the weeks are in one array and their metrics in another ({@link WeeklyMetric}'s
     * values in a row per week). A map from week to an array of metrics took two and a half times the memory.
     */
    public static final class Weeks {

        private static final int METRICS = WeeklyMetric.values().length;

        private final int[] weeks;
        private final long[] metrics;

        private Weeks(int[] weeks, long[] metrics) {
            this.weeks = weeks;
            this.metrics = metrics;
        }

        static Weeks of(Map<Integer, WeekFacts> facts) {
            int[] weeks = facts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            long[] metrics = new long[weeks.length * METRICS];
            for (int i = 0; i < weeks.length; i++) {
                System.arraycopy(WeeklyMetric.valuesOf(facts.get(weeks[i])), 0, metrics, i * METRICS, METRICS);
            }
            return new Weeks(weeks, metrics);
        }

        /** How many weeks had facts. */
        public int size() {
            return weeks.length;
        }

        /** The relative week of the {@code i}th week with facts. */
        public int week(int i) {
            return weeks[i];
        }

        /** The value of {@code metric} in the {@code i}th week with facts. */
        public long value(int i, WeeklyMetric metric) {
            return metrics[i * METRICS + metric.ordinal()];
        }

        /** The value of {@code metric} in relative week {@code week}: 0 in a week without facts. */
        long valueIn(int week, WeeklyMetric metric) {
            int at = Arrays.binarySearch(weeks, week);
            return at < 0 ? 0 : value(at, metric);
        }
    }
}
