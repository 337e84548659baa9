package app.stamina.readmodel;

import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.event.RehabEvent;

/** A read-model document that remembers the last event version it applied. */
public interface Versioned {

    String id();

    long version();

    /** Applies an event unless it is at or below {@link #version()}; tells whether anything changed. */
    boolean apply(EventEnvelope envelope, RehabEvent event);
}
