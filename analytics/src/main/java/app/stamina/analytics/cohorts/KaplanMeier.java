package app.stamina.analytics.cohorts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The Kaplan-Meier estimate of the share of athletes who have not yet reached a milestone, by whole days since
 * enrollment; athletes who have not reached it are censored at the data cut-off. A point is given for day 0 and
 * for every day with an event or a censoring; the median is the first day the survival is at most 0.5.
 */
record KaplanMeier(List<Point> points, Integer medianDays) {

    record Point(int day, int atRisk, int events, int censored, BigDecimal survival) {
    }

    /** The curve from the days of the events and the days athletes were censored. */
    static KaplanMeier of(Histogram events, Histogram censored) {
        TreeSet<Long> days = new TreeSet<>(events.values());
        days.addAll(censored.values());
        days.add(0L);
        List<Point> points = new ArrayList<>();
        long atRisk = events.n() + censored.n();
        double survival = 1.0;
        Integer median = null;
        for (long day : days) {
            long eventsThatDay = events.count(day);
            long censoredThatDay = censored.count(day);
            if (atRisk > 0 && eventsThatDay > 0) {
                survival *= 1.0 - (double) eventsThatDay / atRisk;
            }
            points.add(new Point((int) day, (int) atRisk, (int) eventsThatDay, (int) censoredThatDay,
                    BigDecimal.valueOf(survival).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros()));
            if (median == null && survival <= 0.5) {
                median = (int) day;
            }
            atRisk -= eventsThatDay + censoredThatDay;
        }
        return new KaplanMeier(points, median);
    }
}
