package app.stamina.api;

import java.math.BigDecimal;

/** The unit a load was entered in. 1 lb is 0.45359237 kg exactly. */
public enum LoadUnit implements Coded {
    KG(BigDecimal.ONE),
    LB(new BigDecimal("0.45359237"));

    private final BigDecimal kilograms;

    LoadUnit(BigDecimal kilograms) {
        this.kilograms = kilograms;
    }

    /** Kilograms in one unit. */
    public BigDecimal kilograms() {
        return kilograms;
    }
}
