package app.stamina.api;

/** The stamina ladder, in the order it is climbed. */
public enum Milestone implements Coded {
    HOLD_60S, HOLD_90S, HOLD_120S, LOADED_HOLD, ASYMMETRIC_HOLD
}
