package app.stamina.analytics.facts;

import app.stamina.api.Condition;
import app.stamina.api.Sex;
import app.stamina.api.Surgery;
import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.event.AthleteEnrolled;
import app.stamina.api.event.HoldCompleted;
import app.stamina.api.event.LiftStatusChanged;
import app.stamina.api.event.LoadIncreased;
import app.stamina.api.event.MilestoneReached;
import app.stamina.api.event.RehabEvent;
import app.stamina.api.event.RepConfirmed;
import app.stamina.api.event.SetbackReported;
import app.stamina.api.event.StrengthPhaseUnlocked;
import app.stamina.readmodel.Versioned;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One athlete as research sees them, in one MongoDB document: cohort attributes, what each relative week held
 * (week 0 is the enrollment week: days {@code enrollDate + 7w} to {@code enrollDate + 7w + 6} in the athlete's
 * zone), the working-load changes per lift, and the day (since enrollment) each milestone was first reached.
 * Integers only (seconds, sessions, grams), so figures over many athletes are exact. {@code version} is the last
 * event applied; redelivered events change nothing.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class AthleteFacts implements Versioned {

    public static final String STRENGTH_UNLOCKED = "strength-unlocked";
    public static final String FIRST_LOAD_INCREASE = "first-load-increase";

    @JsonProperty("_id")
    private String athleteId;
    private long version;
    private ZoneId timeZone;
    private LocalDate enrollDate;
    private int birthYear;
    private Sex sex;
    private Condition condition;
    private Surgery surgery;
    private List<String> tags = new ArrayList<>();
    /**
     * The newest {@code occurredAt} of this athlete's facts (and enrollment): the data cut-off is the newest of all
     * athletes'. Decisions carry the server's clock, not the time of anything the athlete did, and do not move it;
     * they are dated no later than it ({@link #decidedAt}).
     */
    private Instant lastOccurredAt;
    private TreeMap<Integer, WeekFacts> weeks = new TreeMap<>();
    /** Per lift, the working load in grams from each day it changed. */
    private TreeMap<String, TreeMap<LocalDate, Long>> workingLoads = new TreeMap<>();
    /** Per milestone, the day since enrollment it was first reached. */
    private TreeMap<String, Integer> milestoneDays = new TreeMap<>();
    /** When this document was last written (epoch milliseconds): how other instances find what changed. */
    private long touchedAtMillis;
    /** Which instance wrote it last, so that it does not read back what it learnt at once (none before 2026-12-07). */
    private String touchedBy;

    AthleteFacts() {
    }

    public static AthleteFacts of(String athleteId) {
        AthleteFacts facts = new AthleteFacts();
        facts.athleteId = athleteId;
        return facts;
    }

    @Override
    public boolean apply(EventEnvelope envelope, RehabEvent event) {
        if (envelope.version() <= version) {
            return false;
        }
        version = envelope.version();
        if (event instanceof AthleteEnrolled enrolled) {
            timeZone = enrolled.timeZone();
            enrollDate = enrolled.enrolledAt().atZoneSameInstant(timeZone).toLocalDate();
            birthYear = enrolled.birthYear();
            sex = enrolled.sex();
            condition = enrolled.condition();
            surgery = enrolled.surgery();
            tags = new ArrayList<>(enrolled.tags());
        }
        if (enrollDate == null) {
            return true;
        }
        switch (event) {
            case HoldCompleted hold when hold.countsTowardProgress() -> week(hold.occurredAt()).countHold(day(hold.occurredAt()), hold.durationSeconds());
            case SetbackReported setback -> week(setback.occurredAt()).countSetback();
            case MilestoneReached reached -> reach(reached.milestone().code(), reached.occurredAt());
            case StrengthPhaseUnlocked unlocked -> reach(STRENGTH_UNLOCKED, unlocked.occurredAt());
            case LoadIncreased increased -> reach(FIRST_LOAD_INCREASE, decidedAt(increased.occurredAt()));
            case LiftStatusChanged status -> workingLoads.computeIfAbsent(status.lift().code(), lift -> new TreeMap<>())
                    .put(day(decidedAt(status.occurredAt())), grams(status.workingLoad().kg()));
            default -> {
                // Other events do not change a research figure.
            }
        }
        if (event instanceof AthleteEnrolled || event instanceof HoldCompleted || event instanceof RepConfirmed
                || event instanceof SetbackReported) {
            seen(event.occurredAt());
        }
        return true;
    }

    private void reach(String milestone, OffsetDateTime at) {
        milestoneDays.putIfAbsent(milestone, (int) Math.max(0, ChronoUnit.DAYS.between(enrollDate, day(at))));
    }

    /**
     * When a decision (a load set or raised) counts for research: decisions carry the server's clock, so one sent
     * later than the session that earned it (an offline phone, an imported program) is dated at the athlete's
     * latest fact before it instead.
     */
    private OffsetDateTime decidedAt(OffsetDateTime serverTime) {
        if (lastOccurredAt == null || serverTime.toInstant().isBefore(lastOccurredAt)) {
            return serverTime;
        }
        return lastOccurredAt.atOffset(ZoneOffset.UTC);
    }

    private void seen(OffsetDateTime at) {
        Instant instant = at.toInstant();
        if (lastOccurredAt == null || instant.isAfter(lastOccurredAt)) {
            lastOccurredAt = instant;
        }
    }

    private WeekFacts week(OffsetDateTime at) {
        return weeks.computeIfAbsent(relativeWeek(day(at)), w -> new WeekFacts());
    }

    LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(timeZone).toLocalDate();
    }

    /** Week 0 is the enrollment week; facts from before enrollment (impossible by the protocol) fall in week 0. */
    int relativeWeek(LocalDate day) {
        return (int) Math.max(0, Math.floorDiv(ChronoUnit.DAYS.between(enrollDate, day), 7));
    }

    private static long grams(BigDecimal kg) {
        return kg.movePointRight(3).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    @Override
    public String id() {
        return athleteId;
    }

    @Override
    public long version() {
        return version;
    }

    public boolean isEnrolled() {
        return enrollDate != null;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public LocalDate enrollDate() {
        return enrollDate;
    }

    public int birthYear() {
        return birthYear;
    }

    /** The decade of age at enrollment: {@code 30-39}. */
    public String ageBand() {
        int decade = (enrollDate.getYear() - birthYear) / 10 * 10;
        return decade + "-" + (decade + 9);
    }

    public Sex sex() {
        return sex;
    }

    public Condition condition() {
        return condition;
    }

    public Surgery surgery() {
        return surgery;
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }

    public Instant lastOccurredAt() {
        return lastOccurredAt;
    }

    public Map<Integer, WeekFacts> weeks() {
        return weeks;
    }

    public Map<String, Integer> milestoneDays() {
        return milestoneDays;
    }

    /** Marks the document as written now by {@code instance}, for instances that follow changes. */
    void touch(Instant now, String instance) {
        touchedAtMillis = now.toEpochMilli();
        touchedBy = instance;
    }

    /** The lifts that ever had a working load. */
    public Set<String> lifts() {
        return workingLoads.keySet();
    }

    /**
     * The working load of {@code lift} in grams at the end of each relative week in which it changed; in any other
     * week it is that of the latest week before it here, or none.
     */
    public TreeMap<Integer, Long> workingLoadGramsByWeek(String lift) {
        TreeMap<Integer, Long> byWeek = new TreeMap<>();
        workingLoads.getOrDefault(lift, new TreeMap<>()).forEach((day, grams) -> byWeek.put(relativeWeek(day), grams));
        return byWeek;
    }
}
