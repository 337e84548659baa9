package app.stamina.analytics.cohorts;

import app.stamina.analytics.facts.AthleteFacts;
import app.stamina.api.Condition;
import app.stamina.api.Sex;
import app.stamina.api.Surgery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The finest cohort cell: athletes alike in everything a grouping can ask for (condition, surgery, sex, age band,
 * tags) and in their enrollment date and time zone, so that their relative weeks begin and end at the same moment.
 * Any group of any grouping is a union of cells, and its figures are the merged figures of its cells.
 */
public record Cell(Condition condition, Surgery surgery, Sex sex, String ageBand, LocalDate enrollDate, ZoneId zone,
                   List<String> tags) {

    static Cell of(AthleteFacts athlete) {
        return new Cell(athlete.condition(), athlete.surgery(), athlete.sex(), athlete.ageBand(), athlete.enrollDate(),
                athlete.timeZone(), athlete.tags().stream().sorted().toList());
    }

    public String enrollmentMonth() {
        return enrollDate.toString().substring(0, 7);
    }

    /** The value of the tag with {@code prefix} ({@code arm} gives {@code B} for {@code arm:B}), or null. */
    String tag(String prefix) {
        String start = prefix + ":";
        return tags.stream().filter(t -> t.startsWith(start)).map(t -> t.substring(start.length())).findFirst()
                .orElse(null);
    }

    private LocalDate cutOffDay(Instant cutOff) {
        return cutOff.atZone(zone).toLocalDate();
    }

    /** Whether relative week {@code week} ended (its last day was over) by the cut-off. */
    boolean ended(int week, Instant cutOff) {
        return !enrollDate.plusDays(7L * week + 7).isAfter(cutOffDay(cutOff));
    }

    /** Whole relative weeks completed by the cut-off. */
    public int endedWeeks(Instant cutOff) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(enrollDate, cutOffDay(cutOff)) / 7);
    }

    /** Days from enrollment to the cut-off: when an athlete who has not reached a milestone is censored. */
    int daysObserved(Instant cutOff) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(enrollDate, cutOffDay(cutOff)));
    }
}
