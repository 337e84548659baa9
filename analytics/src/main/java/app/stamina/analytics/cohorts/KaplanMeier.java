package app.stamina.analytics.cohorts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The Kaplan-Meier estimate of the share of athletes who have not yet reached a milestone, by whole days since
 * enrollment; athletes who have not reached it are censored at the data cut-off. A point is given for day 0 and
 * for every day with an event or a censoring; the median is the first day the survival is at most 0.5.
 */
record KaplanMeier(List<Point> points, Integer medianDays) {

    record Observation(int day, boolean event) {

        static Observation event(int day) {
            return new Observation(day, true);
        }

        static Observation censored(int day) {
            return new Observation(day, false);
        }
    }

    record Point(int day, int atRisk, int events, int censored, BigDecimal survival) {
    }

    static KaplanMeier of(List<Observation> observations) {
        TreeMap<Integer, int[]> byDay = new TreeMap<>();
        byDay.put(0, new int[2]);
        for (Observation observation : observations) {
            byDay.computeIfAbsent(observation.day(), d -> new int[2])[observation.event() ? 0 : 1]++;
        }
        List<Point> points = new ArrayList<>();
        int atRisk = observations.size();
        double survival = 1.0;
        Integer median = null;
        for (var day : byDay.entrySet()) {
            int events = day.getValue()[0];
            int censored = day.getValue()[1];
            if (atRisk > 0 && events > 0) {
                survival *= 1.0 - (double) events / atRisk;
            }
            points.add(new Point(day.getKey(), atRisk, events, censored,
                    BigDecimal.valueOf(survival).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros()));
            if (median == null && survival <= 0.5) {
                median = day.getKey();
            }
            atRisk -= events + censored;
        }
        return new KaplanMeier(points, median);
    }
}
