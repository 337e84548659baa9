package app.stamina.edge.security;

import app.stamina.api.Coded;

/** The roles a token may carry in its {@code roles} claim. */
public enum Role implements Coded {
    ATHLETE, CLINICIAN, RESEARCHER, ADMIN;

    private final String authority = "ROLE_" + Coded.codeOf(name());

    /** The Spring Security authority of this role. */
    public String authority() {
        return authority;
    }
}
