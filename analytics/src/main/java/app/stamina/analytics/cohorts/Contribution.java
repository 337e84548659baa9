package app.stamina.analytics.cohorts;

import app.stamina.analytics.facts.AthleteFacts;
import app.stamina.analytics.facts.WeekFacts;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One athlete's part in the figures of their cell, kept so that it can be taken away again when newer facts of the
 * athlete replace it: the weekly metrics of each week with facts, the day of each milestone, and per lift the
 * working load from each week it changed.
 */
record Contribution(long version, Cell cell, Instant lastOccurredAt, Map<Integer, long[]> weeks,
                    Map<String, Integer> milestoneDays, Map<String, TreeMap<Integer, Long>> loadsByWeek) {

    static Contribution of(AthleteFacts athlete) {
        Map<Integer, long[]> weeks = new HashMap<>();
        athlete.weeks().forEach((week, facts) -> weeks.put(week, WeeklyMetric.valuesOf(facts)));
        Map<String, TreeMap<Integer, Long>> loads = new HashMap<>();
        athlete.lifts().forEach(lift -> loads.put(lift, athlete.workingLoadGramsByWeek(lift)));
        return new Contribution(athlete.version(), Cell.of(athlete), athlete.lastOccurredAt(), weeks,
                Map.copyOf(athlete.milestoneDays()), loads);
    }

    /** The metrics kept per athlete and week, in the order of {@link #valuesOf}. */
    enum WeeklyMetric {
        BEST_HOLD_SECONDS, SESSIONS, TOTAL_HOLD_SECONDS, SETBACKS;

        static long[] valuesOf(WeekFacts facts) {
            return new long[]{facts.bestHoldSeconds(), facts.sessions(), facts.totalHoldSeconds(), facts.setbacks()};
        }
    }
}
