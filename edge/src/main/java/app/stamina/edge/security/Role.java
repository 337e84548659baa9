package app.stamina.edge.security;

import app.stamina.api.Coded;

/** The roles a token may carry in its {@code roles} claim. */
public enum Role implements Coded {
    ATHLETE, CLINICIAN, RESEARCHER, ADMIN;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + code();
    }
}
