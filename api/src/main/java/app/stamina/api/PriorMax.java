package app.stamina.api;

import java.util.Objects;

/** The most an athlete lifted before the injury, the yardstick for a safe first working load. */
public record PriorMax(Lift lift, Load load) {

    public PriorMax {
        Objects.requireNonNull(lift, "lift");
        Objects.requireNonNull(load, "load");
    }
}
