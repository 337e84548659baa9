package app.stamina.api;

/** What an athlete felt in a setback. Red flags pause the program until a clinician resumes it. */
public enum Symptom implements Coded {
    SPASM(false),
    SHARP_PAIN(false),
    RADIATING_PAIN(false),
    STIFFNESS(false),
    NUMBNESS(true),
    LEG_WEAKNESS(true),
    BLADDER_OR_BOWEL_CHANGE(true),
    OTHER(false);

    private final boolean redFlag;

    Symptom(boolean redFlag) {
        this.redFlag = redFlag;
    }

    public boolean isRedFlag() {
        return redFlag;
    }
}
