package app.stamina.analytics.cohorts;

import app.stamina.analytics.facts.AthleteFacts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The enrolled athletes and the data cut-off (the {@code occurredAt} of the newest fact processed), from which
 * every figure is drawn. An athlete's relative week counts once it has ended by the cut-off, in their own zone.
 */
record Population(List<AthleteFacts> athletes, Instant cutOff) {

    static Population of(List<AthleteFacts> athletes) {
        List<AthleteFacts> enrolled = athletes.stream().filter(AthleteFacts::isEnrolled).toList();
        Instant cutOff = enrolled.stream().map(AthleteFacts::lastOccurredAt).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        return new Population(enrolled, cutOff);
    }

    LocalDate cutOffDay(AthleteFacts athlete) {
        return cutOff.atZone(athlete.timeZone()).toLocalDate();
    }

    /** Whether relative week {@code week} of the athlete ended (its last day was over) by the cut-off. */
    boolean ended(AthleteFacts athlete, int week) {
        return !athlete.enrollDate().plusDays(7L * week + 7).isAfter(cutOffDay(athlete));
    }

    /** Whole relative weeks the athlete has completed by the cut-off. */
    int endedWeeks(AthleteFacts athlete) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(athlete.enrollDate(), cutOffDay(athlete)) / 7);
    }

    /** Days from enrollment to the cut-off: when an athlete who has not reached a milestone is censored. */
    int daysObserved(AthleteFacts athlete) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(athlete.enrollDate(), cutOffDay(athlete)));
    }
}
