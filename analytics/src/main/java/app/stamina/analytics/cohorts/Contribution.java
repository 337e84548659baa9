package app.stamina.analytics.cohorts;

import app.stamina.analytics.facts.AthleteFacts;
import app.stamina.analytics.facts.WeekFacts;

import java.time.Instant;
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
public record Contribution(long version, Cell cell, Instant lastOccurredAt, Map<Integer, long[]> weeks,
                           Map<String, Integer> milestoneDays, Map<String, TreeMap<Integer, Long>> loadsByWeek) {

    static Contribution of(AthleteFacts athlete) {
        Map<Integer, long[]> weeks = new HashMap<>();
        athlete.weeks().forEach((week, facts) -> weeks.put(week, WeeklyMetric.valuesOf(facts)));
        Map<String, TreeMap<Integer, Long>> loads = new HashMap<>();
        athlete.lifts().forEach(lift -> loads.put(lift, athlete.workingLoadGramsByWeek(lift)));
        return new Contribution(athlete.version(), Cell.of(athlete), athlete.lastOccurredAt(), weeks,
                Map.copyOf(athlete.milestoneDays()), loads);
    }

    /** The weekly metrics of {@code week} in the order of {@link WeeklyMetric}, or null in a week without facts. */
    public long[] week(int week) {
        return weeks.get(week);
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
}
