package app.stamina.api;

import java.math.BigDecimal;

/** The unit a load was entered in. 1 lb is 0.45359237 kg exactly. */
public enum LoadUnit implements Coded {
    KG(BigDecimal.ONE, new BigDecimal("2.5")),
    LB(new BigDecimal("0.45359237"), new BigDecimal("5"));

    private final BigDecimal kilograms;
    private final BigDecimal plateIncrement;

    LoadUnit(BigDecimal kilograms, BigDecimal plateIncrement) {
        this.kilograms = kilograms;
        this.plateIncrement = plateIncrement;
    }

    /** Kilograms in one unit. */
    public BigDecimal kilograms() {
        return kilograms;
    }

    /** The smallest step a bar is loaded by in this unit (a pair of the smallest common plates). */
    public BigDecimal plateIncrement() {
        return plateIncrement;
    }
}
