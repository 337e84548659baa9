package app.stamina.analytics.cohorts;

/** The cohort index has not yet read the research documents once (MongoDB unreachable at start). Answered 503. */
public class CohortsNotReady extends RuntimeException {

    CohortsNotReady() {
        super("cohort figures are not ready yet: the research documents are still being read; try again shortly",
                null, false, false);
    }
}
