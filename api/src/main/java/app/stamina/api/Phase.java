package app.stamina.api;

/** Where an athlete stands in the program. */
public enum Phase implements Coded {
    STAMINA, STRENGTH, PAUSED
}
