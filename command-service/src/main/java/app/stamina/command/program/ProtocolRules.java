package app.stamina.command.program;

import app.stamina.api.Lift;
import app.stamina.api.Load;
import app.stamina.api.LoadUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Every number of PROTOCOL.md in one place, bound from {@code stamina.protocol.*}. The defaults are the protocol's.
 */
@ConfigurationProperties("stamina.protocol")
public record ProtocolRules(
        @DefaultValue("3") int painCeiling,
        @DefaultValue Stamina stamina,
        @DefaultValue Strength strength,
        @DefaultValue Setbacks setbacks,
        @DefaultValue Plates plates,
        @DefaultValue("5m") Duration futureTolerance) {

    public ProtocolRules {
        if (painCeiling < 0 || painCeiling > 10) {
            throw new IllegalArgumentException("stamina.protocol.pain-ceiling must be 0 to 10");
        }
    }

    /** The protocol exactly as PROTOCOL.md gives it. */
    public static ProtocolRules defaults() {
        return new Binder().bindOrCreate("stamina.protocol", ProtocolRules.class);
    }

    /** Phase 1: the milestone ladder and the weekly volume that opens the strength gate. */
    public record Stamina(
            @DefaultValue("60") int hold60sSeconds,
            @DefaultValue("90") int hold90sSeconds,
            @DefaultValue("120") int hold120sSeconds,
            @DefaultValue("60") int loadedHoldSeconds,
            @DefaultValue("60") int asymmetricHoldSeconds,
            @DefaultValue("4") int maxWeeklySessionTarget,
            @DefaultValue("3") int gateSessionsPerWeek) {
    }

    /** Phase 2: which lifts wait for the gate, the first load, when a lift is ready for more and how much more. */
    public record Strength(
            @DefaultValue({"deadlift", "bent-over-row", "squat", "good-morning"}) List<Lift> spineLoadingLifts,
            @DefaultValue("0.45") BigDecimal firstLoadMaxFraction,
            @DefaultValue("2") int eligibilitySessions,
            @DefaultValue("3") int eligibilitySets,
            @DefaultValue("5") int eligibilityReps,
            @DefaultValue("0.15") BigDecimal stepMaxFraction,
            @DefaultValue("10") BigDecimal stepMaxKg) {

        public Strength {
            spineLoadingLifts = List.copyOf(spineLoadingLifts);
        }

        public boolean isGated(Lift lift) {
            return spineLoadingLifts.contains(lift);
        }
    }

    /** The smallest step a bar is loaded by (a pair of the smallest common plates): loads are rounded down to it. */
    public record Plates(@DefaultValue("2.5") BigDecimal kgIncrement, @DefaultValue("5") BigDecimal lbIncrement) {

        public BigDecimal increment(LoadUnit unit) {
            return unit == LoadUnit.KG ? kgIncrement : lbIncrement;
        }

        /** The heaviest load in {@code unit} within {@code limitKg}, in whole plate steps when that is above {@code aboveKg}. */
        public Load largestWithin(BigDecimal limitKg, LoadUnit unit, BigDecimal aboveKg) {
            return Load.largestWithin(limitKg, unit, increment(unit), aboveKg);
        }
    }

    /** What a moderate setback takes off every gated working load. */
    public record Setbacks(@DefaultValue("0.10") BigDecimal moderateDropFraction) {
    }
}
