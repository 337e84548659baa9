package app.stamina.query.athlete;

import app.stamina.api.SessionDays;
import app.stamina.api.event.HoldCompleted;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One ISO week of stamina work. Sessions, best, total, heaviest load and counted holds are over the holds that
 * count; {@code offProtocolHolds} counts the others. A session is a day with a counted hold; each keeps the instant
 * of its latest counted hold, to tell sessions before a severe setback from those after it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class WeekFigures {

    private SessionDays sessionDays = new SessionDays();
    private int bestHoldSeconds;
    private int totalHoldSeconds;
    private BigDecimal maxHoldLoadKg = BigDecimal.ZERO;
    private int countedHolds;
    private int offProtocolHolds;

    void add(HoldCompleted hold, LocalDate day) {
        if (!hold.countsTowardProgress()) {
            offProtocolHolds++;
            return;
        }
        Instant at = hold.occurredAt().toInstant();
        sessionDays.keepLatest(day, at);
        bestHoldSeconds = Math.max(bestHoldSeconds, hold.durationSeconds());
        totalHoldSeconds += hold.durationSeconds();
        if (hold.hasLoad()) {
            maxHoldLoadKg = maxHoldLoadKg.max(hold.load().kg());
        }
        countedHolds++;
    }

    int sessions() {
        return sessionDays.size();
    }

    /** Sessions whose latest counted hold came after {@code instant} (all of them when it is null). */
    int sessionsAfter(Instant instant) {
        return instant == null ? sessions() : sessionDays.countAfter(instant);
    }

    /** A copy that shares nothing that changes. */
    WeekFigures copy() {
        WeekFigures copy = new WeekFigures();
        copy.sessionDays = sessionDays.copy();
        copy.bestHoldSeconds = bestHoldSeconds;
        copy.totalHoldSeconds = totalHoldSeconds;
        copy.maxHoldLoadKg = maxHoldLoadKg;
        copy.countedHolds = countedHolds;
        copy.offProtocolHolds = offProtocolHolds;
        return copy;
    }

    int bestHoldSeconds() {
        return bestHoldSeconds;
    }

    int totalHoldSeconds() {
        return totalHoldSeconds;
    }

    BigDecimal maxHoldLoadKg() {
        return maxHoldLoadKg;
    }

    int countedHolds() {
        return countedHolds;
    }

    int offProtocolHolds() {
        return offProtocolHolds;
    }
}
