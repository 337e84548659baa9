package app.stamina.command.program;

import app.stamina.api.Milestone;
import app.stamina.api.ProtocolRules;
import app.stamina.api.event.HoldCompleted;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The strength phase opens at the first counted hold after which {@code asymmetric-hold} is held and both that
 * hold's ISO week and the week before it had enough sessions. Only facts decide: no wall clock is involved.
 */
final class StrengthGate {

    private StrengthGate() {
    }

    static boolean opensWith(HoldCompleted hold, StaminaLadder ladder, ZoneId zone, ProtocolRules.Stamina rules) {
        if (!hold.countsTowardProgress() || !ladder.has(Milestone.ASYMMETRIC_HOLD)
                || !ladder.isAfterFreshStart(hold.occurredAt().toInstant())) {
            return false;
        }
        LocalDate day = hold.occurredAt().atZoneSameInstant(zone).toLocalDate();
        return ladder.gateSessionsInWeekOf(day) >= rules.gateSessionsPerWeek()
                && ladder.gateSessionsInWeekOf(day.minusWeeks(1)) >= rules.gateSessionsPerWeek();
    }
}
