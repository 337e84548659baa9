package app.stamina.command.program;

import app.stamina.api.ErrorCode;
import app.stamina.api.Load;
import app.stamina.api.ProtocolRules;

import java.math.BigDecimal;

/** A first working load is at most a fraction of the pre-injury maximum, when that maximum is known. */
final class FirstLoadRule {

    private FirstLoadRule() {
    }

    static void check(Load requested, Load priorMax, ProtocolRules rules) {
        if (priorMax == null) {
            return;
        }
        BigDecimal fraction = rules.strength().firstLoadMaxFraction();
        BigDecimal limitKg = priorMax.kg().multiply(fraction);
        if (requested.kg().compareTo(limitKg) > 0) {
            Load max = rules.plates().largestWithin(limitKg, requested.unit(), BigDecimal.ZERO);
            throw ProtocolRefusal.withMaxAllowedLoad(ErrorCode.START_TOO_HEAVY,
                    "a first working load is at most " + fraction.movePointRight(2).stripTrailingZeros().toPlainString()
                            + " % of the pre-injury maximum of " + priorMax.describe() + ": at most " + max.describe(), max);
        }
    }
}
