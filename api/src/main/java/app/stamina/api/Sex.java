package app.stamina.api;

/** The athlete's sex as they gave it at enrollment. */
public enum Sex implements Coded {
    FEMALE, MALE, OTHER, UNDISCLOSED
}
