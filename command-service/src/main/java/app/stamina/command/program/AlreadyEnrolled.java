package app.stamina.command.program;

/** The athlete already has a program. Answered as 409 {@code already-enrolled}. */
public class AlreadyEnrolled extends RuntimeException {

    public AlreadyEnrolled(String athleteId) {
        super("athlete " + athleteId + " is already enrolled", null, false, false);
    }
}
