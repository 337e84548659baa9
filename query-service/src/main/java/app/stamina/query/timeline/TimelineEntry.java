package app.stamina.query.timeline;

import app.stamina.api.envelope.Actor;
import app.stamina.api.envelope.EventEnvelope;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;

/** One event in an athlete's timeline, oldest first. Stored once per (athlete, version). */
@JsonPropertyOrder({"version", "eventId", "type", "occurredAt", "recordedAt", "actor", "data"})
public record TimelineEntry(@JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String athleteId, long version,
                            String eventId, String type, OffsetDateTime occurredAt, Instant recordedAt, Actor actor,
                            JsonNode data) {

    public static TimelineEntry of(EventEnvelope envelope) {
        return new TimelineEntry(envelope.athleteId().value(), envelope.version(), envelope.eventId(), envelope.type(),
                envelope.occurredAt(), envelope.recordedAt(), envelope.actor(), envelope.payload());
    }

    /** The document id: one entry per athlete and version, however often the event is delivered. */
    @JsonIgnore
    String key() {
        return athleteId + ":" + version;
    }
}
