package app.stamina.query.timeline;

import app.stamina.api.envelope.Actor;
import app.stamina.api.envelope.EventEnvelope;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;

/** One event in an athlete's timeline, kept in the page of its version. */
@JsonPropertyOrder({"version", "eventId", "type", "occurredAt", "recordedAt", "actor", "data"})
public record TimelineEntry(@JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String athleteId, long version,
                            String eventId, String type, OffsetDateTime occurredAt, Instant recordedAt, Actor actor,
                            JsonNode data) {

    public static TimelineEntry of(EventEnvelope envelope) {
        return new TimelineEntry(envelope.athleteId().value(), envelope.version(), envelope.eventId(), envelope.type(),
                envelope.occurredAt(), envelope.recordedAt(), envelope.actor(), envelope.payload());
    }
}
