package app.stamina.api.envelope;

/** The Kafka topics Stamina publishes to. */
public final class Topics {

    /** Every event of every athlete, keyed by athlete id, as an {@link EventEnvelope}. Kept forever: read models rebuild from it. */
    public static final String EVENTS = "stamina.events.v1";

    private Topics() {
    }
}
