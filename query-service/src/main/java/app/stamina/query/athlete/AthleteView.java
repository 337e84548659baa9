package app.stamina.query.athlete;

import app.stamina.api.Milestone;
import app.stamina.api.Phase;
import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.event.AthleteEnrolled;
import app.stamina.api.event.HoldCompleted;
import app.stamina.api.event.LiftStatusChanged;
import app.stamina.api.event.MilestoneReached;
import app.stamina.api.event.ProgramPaused;
import app.stamina.api.event.ProgramResumed;
import app.stamina.api.event.RehabEvent;
import app.stamina.api.event.ReturnedToStaminaPhase;
import app.stamina.api.event.StrengthPhaseUnlocked;
import app.stamina.readmodel.Versioned;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One athlete as the read side keeps them, in one MongoDB document: where they are in the program, the weekly
 * stamina figures by ISO week in their zone, and each lift's status. {@code version} is the last event applied;
 * an event at or below it is a redelivery and changes nothing.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class AthleteView implements Versioned {

    @JsonProperty("_id")
    private String athleteId;
    private long version;
    private ZoneId timeZone;
    private OffsetDateTime enrolledAt;
    private Phase phase = Phase.STAMINA;
    private boolean paused;
    private List<Milestone> milestones = new ArrayList<>();
    private int bestHoldSeconds;
    /** Only sessions after this instant (a severe setback) count toward the gate. */
    private Instant freshStart;
    private TreeMap<LocalDate, WeekFigures> weeks = new TreeMap<>();
    private TreeMap<String, LiftStatus> lifts = new TreeMap<>();

    AthleteView() {
    }

    public static AthleteView of(String athleteId) {
        AthleteView view = new AthleteView();
        view.athleteId = athleteId;
        return view;
    }

    /** A copy to apply events to, sharing nothing that changes with this view, which readers may be reading. */
    AthleteView copy() {
        AthleteView copy = new AthleteView();
        copy.athleteId = athleteId;
        copy.version = version;
        copy.timeZone = timeZone;
        copy.enrolledAt = enrolledAt;
        copy.phase = phase;
        copy.paused = paused;
        copy.milestones = new ArrayList<>(milestones);
        copy.bestHoldSeconds = bestHoldSeconds;
        copy.freshStart = freshStart;
        weeks.forEach((monday, figures) -> copy.weeks.put(monday, figures.copy()));
        copy.lifts = new TreeMap<>(lifts);
        return copy;
    }

    @Override
    public boolean apply(EventEnvelope envelope, RehabEvent event) {
        if (envelope.version() <= version) {
            return false;
        }
        switch (event) {
            case AthleteEnrolled enrolled -> {
                timeZone = enrolled.timeZone();
                enrolledAt = enrolled.enrolledAt();
            }
            case HoldCompleted hold -> record(hold);
            case MilestoneReached reached -> {
                if (!milestones.contains(reached.milestone())) {
                    milestones.add(reached.milestone());
                    milestones.sort(null);
                }
            }
            case StrengthPhaseUnlocked unlocked -> phase = Phase.STRENGTH;
            case ReturnedToStaminaPhase returned -> {
                phase = Phase.STAMINA;
                milestones.remove(Milestone.LOADED_HOLD);
                milestones.remove(Milestone.ASYMMETRIC_HOLD);
                freshStart = returned.occurredAt().toInstant();
            }
            case ProgramPaused pausedEvent -> paused = true;
            case ProgramResumed resumed -> paused = false;
            case LiftStatusChanged status -> lifts.put(status.lift().code(),
                    new LiftStatus(status.workingLoad(), status.readyForMore(), status.nextMaxLoad()));
            default -> {
                // Reps, loads, setbacks: their consequences arrive as events of their own.
            }
        }
        version = envelope.version();
        return true;
    }

    private void record(HoldCompleted hold) {
        LocalDate day = dayOf(hold.occurredAt());
        WeekFigures week = weeks.computeIfAbsent(day.with(DayOfWeek.MONDAY), monday -> new WeekFigures());
        week.add(hold, day);
        if (hold.countsTowardProgress()) {
            bestHoldSeconds = Math.max(bestHoldSeconds, hold.durationSeconds());
        }
    }

    LocalDate dayOf(OffsetDateTime instant) {
        return instant.atZoneSameInstant(timeZone()).toLocalDate();
    }

    public String athleteId() {
        return athleteId;
    }

    @Override
    public String id() {
        return athleteId;
    }

    @Override
    public long version() {
        return version;
    }

    /** The athlete's zone; UTC until the enrollment is known (it always comes first). */
    ZoneId timeZone() {
        return timeZone == null ? ZoneId.of("UTC") : timeZone;
    }

    OffsetDateTime enrolledAt() {
        return enrolledAt;
    }

    Phase phase() {
        return phase;
    }

    boolean paused() {
        return paused;
    }

    List<Milestone> milestones() {
        return List.copyOf(milestones);
    }

    int bestHoldSeconds() {
        return bestHoldSeconds;
    }

    Instant freshStart() {
        return freshStart;
    }

    NavigableMap<LocalDate, WeekFigures> weeks() {
        return weeks;
    }

    Map<String, LiftStatus> lifts() {
        return lifts;
    }
}
