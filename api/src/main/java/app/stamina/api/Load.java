package app.stamina.api;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A load as the athlete entered it, with its exact weight in kilograms. Rules compare {@link #kg()}; answers
 * speak the athlete's unit.
 */
public record Load(BigDecimal value, LoadUnit unit, BigDecimal kg) implements Comparable<Load> {

    public Load {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("a load must be more than zero");
        }
        value = canonical(value);
        kg = canonical(value.multiply(unit.kilograms()));
    }

    /** 150, not 1.5E+2 nor 150.00: one form per number, so equal loads are equal records. */
    private static BigDecimal canonical(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static Load of(BigDecimal value, LoadUnit unit) {
        return new Load(value, unit, null);
    }

    public static Load of(String value, LoadUnit unit) {
        return of(new BigDecimal(value), unit);
    }

    public static Load kg(String value) {
        return of(value, LoadUnit.KG);
    }

    public static Load lb(String value) {
        return of(value, LoadUnit.LB);
    }

    /**
     * The heaviest load in {@code unit} that is no heavier than {@code limitKg}: a whole number of {@code increment}s
     * (in {@code unit}) when that is still heavier than {@code aboveKg}, otherwise to the hundredth of a unit.
     */
    public static Load largestWithin(BigDecimal limitKg, LoadUnit unit, BigDecimal increment, BigDecimal aboveKg) {
        BigDecimal inUnit = limitKg.divide(unit.kilograms(), MathContext.DECIMAL64);
        BigDecimal plates = inUnit.divide(increment, 0, RoundingMode.FLOOR).multiply(increment);
        if (plates.multiply(unit.kilograms()).compareTo(aboveKg) > 0) {
            return of(plates, unit);
        }
        return of(inUnit.setScale(2, RoundingMode.FLOOR), unit);
    }

    /** "135 lb", "61.5 kg": the load as a person reads it. */
    public String describe() {
        return value.toPlainString() + " " + unit.code();
    }

    public boolean isHeavierThan(Load other) {
        return compareTo(other) > 0;
    }

    public boolean weighsTheSameAs(Load other) {
        return compareTo(other) == 0;
    }

    @Override
    public int compareTo(Load other) {
        return kg.compareTo(other.kg);
    }
}
