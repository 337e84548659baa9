package app.stamina.api;

/** Why a recorded fact does not count toward progress, or what it warns about. */
public enum Reason implements Coded {
    NEUTRAL_NOT_HELD,
    PAIN_ABOVE_CEILING,
    LOAD_BEFORE_120S,
    STAMINA_BEFORE_STRENGTH,
    BELT_USED,
    NOT_IN_COMMAND,
    OFF_WORKING_LOAD
}
