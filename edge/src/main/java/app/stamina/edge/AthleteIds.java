package app.stamina.edge;

import app.stamina.api.AthleteId;

/** Reads an athlete id from a path; a malformed one is a 400 naming {@code athleteId}. */
public final class AthleteIds {

    private AthleteIds() {
    }

    public static AthleteId parse(String raw) {
        try {
            return AthleteId.of(raw);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("athleteId", e.getMessage());
        }
    }
}
