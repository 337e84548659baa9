package app.stamina.command.program;

import app.stamina.api.ErrorCode;
import app.stamina.api.Load;
import app.stamina.api.LoadUnit;
import app.stamina.api.ProtocolRules;


/** An increase adds at most a fraction of the working load and at most a fixed weight: 135 to 155 lb, never 185. */
final class BabyStepRule {

    private BabyStepRule() {
    }

    static void check(Load workingLoad, Load toLoad, ProtocolRules rules) {
        if (toLoad.kg().compareTo(rules.strength().stepLimitKg(workingLoad)) > 0) {
            Load max = largestStepFrom(workingLoad, toLoad.unit(), rules);
            throw ProtocolRefusal.withMaxAllowedLoad(ErrorCode.STEP_TOO_LARGE,
                    "from " + workingLoad.describe() + " the largest step is to " + max.describe(), max);
        }
    }

    /** The heaviest load, in {@code unit}, that a baby step from {@code workingLoad} may go to. */
    static Load largestStepFrom(Load workingLoad, LoadUnit unit, ProtocolRules rules) {
        return rules.plates().largestWithin(rules.strength().stepLimitKg(workingLoad), unit, workingLoad.kg());
    }
}
