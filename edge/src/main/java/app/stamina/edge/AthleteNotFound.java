package app.stamina.edge;

/** No athlete with this id is enrolled (or known to this read model). Answered as 404 {@code athlete-not-found}. */
public class AthleteNotFound extends RuntimeException {

    private final String athleteId;

    public AthleteNotFound(String athleteId) {
        super("no athlete " + athleteId + " is enrolled", null, false, false);
        this.athleteId = athleteId;
    }

    public String athleteId() {
        return athleteId;
    }
}
