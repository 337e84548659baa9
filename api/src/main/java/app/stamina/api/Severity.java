package app.stamina.api;

/** How bad a setback was; each level steps the athlete further back. */
public enum Severity implements Coded {
    MILD, MODERATE, SEVERE
}
