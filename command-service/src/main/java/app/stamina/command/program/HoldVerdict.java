package app.stamina.command.program;

import app.stamina.api.ProtocolRules;
import app.stamina.api.Reason;
import app.stamina.api.command.RecordHold;

import java.util.ArrayList;
import java.util.List;

/** Why a hold does not count: the neutral spine was lost, it hurt too much, or it was loaded before 120 s. */
final class HoldVerdict {

    private HoldVerdict() {
    }

    static List<Reason> reasons(RecordHold hold, boolean hold120sReached, ProtocolRules rules) {
        List<Reason> reasons = new ArrayList<>();
        if (!hold.neutralHeld()) {
            reasons.add(Reason.NEUTRAL_NOT_HELD);
        }
        if (hold.pain() > rules.painCeiling()) {
            reasons.add(Reason.PAIN_ABOVE_CEILING);
        }
        if (hold.load() != null && !hold120sReached) {
            reasons.add(Reason.LOAD_BEFORE_120S);
        }
        return reasons;
    }
}
