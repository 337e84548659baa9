package app.stamina.command.program;

import app.stamina.api.Milestone;
import app.stamina.api.Placement;
import app.stamina.api.SessionDays;
import app.stamina.api.event.HoldCompleted;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the athlete has shown in the stamina phase: milestones held, the best one-sided loaded holds since the
 * loaded hold, and the days with a counted hold. Changed only from event-sourcing handlers.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class StaminaLadder {

    private EnumSet<Milestone> reached = EnumSet.noneOf(Milestone.class);
    private int bestLeftSeconds;
    private int bestRightSeconds;
    /** Each session day with the instant of its latest counted hold. */
    private SessionDays sessionDays = new SessionDays();
    /** Only what happened after this instant shows the loaded holds again and counts toward the gate. */
    private Instant freshStart = Instant.MIN;

    boolean has(Milestone milestone) {
        return reached.contains(milestone);
    }

    Set<Milestone> reached() {
        return EnumSet.copyOf(reached);
    }

    int bestLeftSeconds() {
        return bestLeftSeconds;
    }

    int bestRightSeconds() {
        return bestRightSeconds;
    }

    boolean isAfterFreshStart(Instant instant) {
        return instant.isAfter(freshStart);
    }

    /** Session days in the ISO week of {@code day} that count toward the gate. */
    int gateSessionsInWeekOf(LocalDate day) {
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        return sessionDays.countAfter(freshStart, monday, monday.plusDays(6));
    }

    void record(HoldCompleted hold, ZoneId zone) {
        if (!hold.countsTowardProgress()) {
            return;
        }
        Instant at = hold.occurredAt().toInstant();
        sessionDays.keepLatest(hold.occurredAt().atZoneSameInstant(zone).toLocalDate(), at);
        if (hold.hasLoad() && reached.contains(Milestone.LOADED_HOLD) && isAfterFreshStart(at)) {
            if (hold.placement() == Placement.LEFT) {
                bestLeftSeconds = Math.max(bestLeftSeconds, hold.durationSeconds());
            } else if (hold.placement() == Placement.RIGHT) {
                bestRightSeconds = Math.max(bestRightSeconds, hold.durationSeconds());
            }
        }
    }

    void reach(Milestone milestone) {
        reached.add(milestone);
    }

    /** After a severe setback: the loaded holds must be shown again, from {@code from} on. */
    void startAfresh(Instant from) {
        reached.remove(Milestone.LOADED_HOLD);
        reached.remove(Milestone.ASYMMETRIC_HOLD);
        bestLeftSeconds = 0;
        bestRightSeconds = 0;
        freshStart = from;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaminaLadder other && Objects.equals(reached, other.reached) && Objects.equals(bestLeftSeconds, other.bestLeftSeconds) && Objects.equals(bestRightSeconds, other.bestRightSeconds) && Objects.equals(sessionDays, other.sessionDays) && Objects.equals(freshStart, other.freshStart);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reached, bestLeftSeconds, bestRightSeconds, sessionDays, freshStart);
    }
}
