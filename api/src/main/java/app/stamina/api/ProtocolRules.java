package app.stamina.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every number of PROTOCOL.md in one place, with the protocol's defaults. Services bind it from
 * {@code stamina.protocol.*} (Spring's {@code Binder}); a setting left out keeps its default, which is why the
 * components are nullable here and never null once constructed.
 */
public record ProtocolRules(Integer painCeiling, Stamina stamina, Strength strength, Setbacks setbacks, Plates plates,
                            Duration futureTolerance) {

    public ProtocolRules {
        painCeiling = orDefault(painCeiling, 3);
        stamina = orDefault(stamina, Stamina.defaults());
        strength = orDefault(strength, Strength.defaults());
        setbacks = orDefault(setbacks, Setbacks.defaults());
        plates = orDefault(plates, Plates.defaults());
        futureTolerance = orDefault(futureTolerance, Duration.ofMinutes(5));
        if (painCeiling < 0 || painCeiling > 10) {
            throw new IllegalArgumentException("stamina.protocol.pain-ceiling must be 0 to 10");
        }
    }

    /** The protocol exactly as PROTOCOL.md gives it. */
    public static ProtocolRules defaults() {
        return new ProtocolRules(null, null, null, null, null, null);
    }

    /** Phase 1: the milestone ladder and the weekly volume that opens the strength gate. */
    public record Stamina(Integer hold60sSeconds, Integer hold90sSeconds, Integer hold120sSeconds,
                          Integer loadedHoldSeconds, Integer asymmetricHoldSeconds, Integer maxWeeklySessionTarget,
                          Integer gateSessionsPerWeek) {

        public Stamina {
            hold60sSeconds = orDefault(hold60sSeconds, 60);
            hold90sSeconds = orDefault(hold90sSeconds, 90);
            hold120sSeconds = orDefault(hold120sSeconds, 120);
            loadedHoldSeconds = orDefault(loadedHoldSeconds, 60);
            asymmetricHoldSeconds = orDefault(asymmetricHoldSeconds, 60);
            maxWeeklySessionTarget = orDefault(maxWeeklySessionTarget, 4);
            gateSessionsPerWeek = orDefault(gateSessionsPerWeek, 3);
        }

        static Stamina defaults() {
            return new Stamina(null, null, null, null, null, null, null);
        }
    }

    /** Phase 2: which lifts wait for the gate, the first load, when a lift is ready for more and how much more. */
    public record Strength(List<Lift> spineLoadingLifts, BigDecimal firstLoadMaxFraction, Integer eligibilitySessions,
                           Integer eligibilitySets, Integer eligibilityReps, BigDecimal stepMaxFraction,
                           BigDecimal stepMaxKg) {

        public Strength {
            spineLoadingLifts = List.copyOf(orDefault(spineLoadingLifts,
                    List.of(Lift.DEADLIFT, Lift.BENT_OVER_ROW, Lift.SQUAT, Lift.GOOD_MORNING)));
            firstLoadMaxFraction = orDefault(firstLoadMaxFraction, new BigDecimal("0.45"));
            eligibilitySessions = orDefault(eligibilitySessions, 2);
            eligibilitySets = orDefault(eligibilitySets, 3);
            eligibilityReps = orDefault(eligibilityReps, 5);
            stepMaxFraction = orDefault(stepMaxFraction, new BigDecimal("0.15"));
            stepMaxKg = orDefault(stepMaxKg, BigDecimal.TEN);
        }

        static Strength defaults() {
            return new Strength(null, null, null, null, null, null, null);
        }

        public boolean isGated(Lift lift) {
            return spineLoadingLifts.contains(lift);
        }

        /** The heaviest load a baby step from {@code workingLoad} may reach, in kilograms. */
        public BigDecimal stepLimitKg(Load workingLoad) {
            BigDecimal byFraction = workingLoad.kg().multiply(BigDecimal.ONE.add(stepMaxFraction));
            return byFraction.min(workingLoad.kg().add(stepMaxKg));
        }
    }

    /** What a moderate setback takes off every gated working load. */
    public record Setbacks(BigDecimal moderateDropFraction) {

        public Setbacks {
            moderateDropFraction = orDefault(moderateDropFraction, new BigDecimal("0.10"));
        }

        static Setbacks defaults() {
            return new Setbacks(null);
        }
    }

    /** The smallest step a bar is loaded by (a pair of the smallest common plates): loads are rounded down to it. */
    public record Plates(BigDecimal kgIncrement, BigDecimal lbIncrement) {

        public Plates {
            kgIncrement = orDefault(kgIncrement, new BigDecimal("2.5"));
            lbIncrement = orDefault(lbIncrement, new BigDecimal("5"));
        }

        static Plates defaults() {
            return new Plates(null, null);
        }

        public BigDecimal increment(LoadUnit unit) {
            return unit == LoadUnit.KG ? kgIncrement : lbIncrement;
        }

        /** The heaviest load in {@code unit} within {@code limitKg}, in whole plate steps when that is above {@code aboveKg}. */
        public Load largestWithin(BigDecimal limitKg, LoadUnit unit, BigDecimal aboveKg) {
            return Load.largestWithin(limitKg, unit, increment(unit), aboveKg);
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
