package app.stamina.command.program;

import app.stamina.api.Phase;
import app.stamina.api.ProtocolRules;
import app.stamina.api.Reason;
import app.stamina.api.command.ConfirmRep;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a rep does not count: a gated lift before the strength phase, a belt, a rep not in command, pain above the
 * ceiling, or a load other than the lift's working load (or no working load yet).
 */
final class RepVerdict {

    private RepVerdict() {
    }

    static List<Reason> reasons(ConfirmRep rep, Phase phase, LiftTrack lift, ProtocolRules rules) {
        List<Reason> reasons = new ArrayList<>();
        if (phase == Phase.STAMINA && rules.strength().isGated(rep.lift())) {
            reasons.add(Reason.STAMINA_BEFORE_STRENGTH);
        }
        if (rep.beltUsed()) {
            reasons.add(Reason.BELT_USED);
        }
        if (!rep.inCommand()) {
            reasons.add(Reason.NOT_IN_COMMAND);
        }
        if (rep.pain() > rules.painCeiling()) {
            reasons.add(Reason.PAIN_ABOVE_CEILING);
        }
        if (lift == null || !lift.hasWorkingLoad() || !rep.load().weighsTheSameAs(lift.workingLoad())) {
            reasons.add(Reason.OFF_WORKING_LOAD);
        }
        return reasons;
    }

    static List<Reason> warnings(ConfirmRep rep) {
        return rep.beltUsed() ? List.of(Reason.BELT_USED) : List.of();
    }
}
