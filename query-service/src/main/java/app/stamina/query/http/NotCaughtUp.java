package app.stamina.query.http;

/** The read model has not reached the version the client asked for within the wait. Answered as 503. */
public class NotCaughtUp extends RuntimeException {

    public NotCaughtUp(String athleteId, long wanted, long reached) {
        super("the read model of " + athleteId + " is at version " + reached + ", not yet " + wanted
                + "; try again shortly", null, false, false);
    }
}
