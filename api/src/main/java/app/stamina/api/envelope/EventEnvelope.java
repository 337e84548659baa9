package app.stamina.api.envelope;

import app.stamina.api.AthleteId;
import app.stamina.api.IsoTimes;
import app.stamina.api.event.ClientEvent;
import app.stamina.api.event.EventRevisions;
import app.stamina.api.event.RehabEvent;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One event as it travels on {@link Topics#EVENTS}. {@code eventId} is the client's id for the event a client write
 * created and the store's id for events that followed from it; {@code version} is the athlete's stream position
 * (1 for the enrollment); {@code recordedAt} is when the store appended it; {@code actor} who caused it, if known.
 */
@JsonPropertyOrder({"eventId", "type", "athleteId", "version", "occurredAt", "recordedAt", "actor", "payload"})
public record EventEnvelope(String eventId, String type, AthleteId athleteId, long version, OffsetDateTime occurredAt,
                            Instant recordedAt, Actor actor, JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(athleteId, "athleteId");
        Objects.requireNonNull(payload, "payload");
    }

    /** The envelope of an event the store appended under {@code storeEventId}. */
    public static EventEnvelope of(String storeEventId, RehabEvent event, long version, Instant recordedAt, Actor actor,
                                   ObjectMapper json) {
        String eventId = event instanceof ClientEvent fromClient ? fromClient.eventId().toString() : storeEventId;
        return new EventEnvelope(eventId, EventTypes.nameOf(event), event.athleteId(), version, event.occurredAt(),
                recordedAt, actor, json.valueToTree(event));
    }

    /**
     * The JSON of the envelope of an event as the store keeps it, with its payload's JSON copied as stored (and
     * upcast to the current revision), not read into an event or a tree and written out again: that round trip was
     * most of the relay's work. {@code occurredAt} and a client event's {@code eventId} are read from that JSON;
     * {@code event} is asked only for an event that keeps its instant under another name. The envelope is written
     * field by field in its pinned order, with its instants written by {@link IsoTimes}: through the mapper, a bean
     * serializer and {@code DateTimeFormatter} were half of this method's time. The text is, character for
     * character, what the mapper writes for {@link #of} ({@code EventJsonTest}).
     */
    public static String writeStored(String storeEventId, Class<?> eventClass, String athleteId, long version,
                                     Instant recordedAt, Actor actor, String payload, Supplier<RehabEvent> event,
                                     ObjectMapper json) throws JsonProcessingException {
        String clientEventId = null;
        OffsetDateTime occurredAt = null;
        try (JsonParser fields = json.createParser(payload)) {
            if (fields.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a stored " + eventClass.getSimpleName() + " is not a JSON object");
            }
            while (fields.nextToken() == JsonToken.FIELD_NAME) {
                String name = fields.currentName();
                JsonToken value = fields.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (name) {
                    case "eventId" -> clientEventId = fields.getValueAsString();
                    case "occurredAt" -> occurredAt = offsetTime(fields, json);
                    default -> fields.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String eventId = ClientEvent.class.isAssignableFrom(eventClass)
                ? Objects.requireNonNullElse(clientEventId, "") : storeEventId;
        String athlete = AthleteId.of(athleteId).value();
        OffsetDateTime occurred = occurredAt != null ? occurredAt : event.get().occurredAt();
        StringWriter text = new StringWriter(payload.length() + 320);
        try (JsonGenerator out = json.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("eventId", Objects.requireNonNull(eventId, "eventId"));
            out.writeStringField("type", eventClass.getSimpleName());
            out.writeStringField("athleteId", athlete);
            out.writeNumberField("version", version);
            out.writeStringField("occurredAt", occurred == null ? null : IsoTimes.format(occurred));
            out.writeStringField("recordedAt", recordedAt == null ? null : IsoTimes.format(recordedAt));
            out.writeFieldName("actor");
            if (actor == null) {
                out.writeNull();
            } else {
                out.writeStartObject();
                out.writeStringField("sub", actor.sub());
                out.writeStringField("role", actor.role());
                out.writeEndObject();
            }
            out.writeFieldName("payload");
            out.writeRawValue(payload);
            out.writeEndObject();
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * The event inside, in its current form (an envelope published before an event changed is upcast, see
     * {@link EventRevisions}), or an exception naming what is wrong with it (unknown type, malformed payload).
     */
    public RehabEvent event(ObjectMapper json) throws UnreadableEvent {
        Class<? extends RehabEvent> eventClass = EventTypes.classOf(type)
                .orElseThrow(() -> new UnreadableEvent("unknown event type " + type));
        if (!(payload instanceof ObjectNode fields)) {
            throw new UnreadableEvent("malformed " + type + " payload: not an object");
        }
        try {
            return json.treeToValue(EventRevisions.upcast(type, fields.deepCopy()), eventClass);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEvent("malformed " + type + " payload: " + e.getMessage());
        }
    }

    /**
     * An envelope and the event inside, read in one pass: the payload goes straight into the event, and the envelope
     * keeps the payload's JSON text as it came (as a raw value, to be written out again, not read: the query side's
     * timeline writes it to MongoDB from that text). A payload of a type that has changed since
     * ({@link EventRevisions}), or one before its {@code type}, is read as {@link #event} reads it. Refuses what
     * {@link #read} and {@link #event} refuse.
     */
    public static Received readEvent(String text, ObjectMapper json) throws UnreadableEvent {
        String eventId = null;
        String type = null;
        AthleteId athleteId = null;
        long version = 0;
        OffsetDateTime occurredAt = null;
        Instant recordedAt = null;
        Actor actor = null;
        JsonNode payload = null;
        RehabEvent event = null;
        try (JsonParser in = json.createParser(text)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableEvent("not an event envelope: not a JSON object");
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                if (in.nextToken() == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (name) {
                    case "eventId" -> eventId = text(in, json);
                    case "type" -> type = text(in, json);
                    case "athleteId" -> athleteId = in.currentToken() == JsonToken.VALUE_STRING
                            ? AthleteId.of(in.getText()) : json.readValue(in, AthleteId.class);
                    case "version" -> version = in.currentToken() == JsonToken.VALUE_NUMBER_INT
                            ? in.getLongValue() : json.readValue(in, long.class);
                    case "occurredAt" -> occurredAt = offsetTime(in, json);
                    case "recordedAt" -> {
                        OffsetDateTime at = usualTime(in, json);
                        recordedAt = at != null ? at.toInstant() : json.readValue(in, Instant.class);
                    }
                    case "actor" -> actor = actor(in, json);
                    case "payload" -> {
                        Class<? extends RehabEvent> eventClass = type == null || EventRevisions.currentRevision(type) != null
                                ? null : EventTypes.classOf(type).orElse(null);
                        if (eventClass == null || in.currentToken() != JsonToken.START_OBJECT) {
                            payload = json.readTree(in);
                        } else {
                            int start = (int) in.currentTokenLocation().getCharOffset();
                            event = readPayload(in, eventClass, type, json);
                            int end = (int) in.currentLocation().getCharOffset();
                            payload = json.getNodeFactory().rawValueNode(new RawValue(text.substring(start, end)));
                        }
                    }
                    default -> in.skipChildren();
                }
            }
            if (eventId == null || type == null || athleteId == null || payload == null) {
                throw new UnreadableEvent("not an event envelope: eventId, type, athleteId and payload are required");
            }
            EventEnvelope envelope = new EventEnvelope(eventId, type, athleteId, version, occurredAt, recordedAt, actor,
                    payload);
            return new Received(envelope, event != null ? event : envelope.event(json));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEvent("not an event envelope: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /*
     * The envelope's own fields, read with the parser's accessors where the token is the usual one: a readValue of
     * its own for each field (a deserialization context each) cost what reading the payload did. Any other token goes
     * to the mapper, which accepts and refuses it as it always has.
     */

    private static String text(JsonParser in, ObjectMapper json) throws IOException {
        return in.currentToken() == JsonToken.VALUE_STRING ? in.getText() : json.readValue(in, String.class);
    }

    private static OffsetDateTime offsetTime(JsonParser in, ObjectMapper json) throws IOException {
        OffsetDateTime usual = usualTime(in, json);
        return usual != null ? usual : json.readValue(in, OffsetDateTime.class);
    }

    /** An instant in the form Stamina writes it ({@link IsoTimes}), or null for the mapper to read. */
    private static OffsetDateTime usualTime(JsonParser in, ObjectMapper json) throws IOException {
        return in.currentToken() == JsonToken.VALUE_STRING
                && !json.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                ? IsoTimes.parse(in.getText()) : null;
    }

    private static Actor actor(JsonParser in, ObjectMapper json) throws IOException {
        if (in.currentToken() != JsonToken.START_OBJECT) {
            return json.readValue(in, Actor.class);
        }
        String sub = null;
        String role = null;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            JsonToken value = in.nextToken();
            switch (name) {
                case "sub" -> sub = value == JsonToken.VALUE_NULL ? null : text(in, json);
                case "role" -> role = value == JsonToken.VALUE_NULL ? null : text(in, json);
                default -> in.skipChildren();
            }
        }
        return new Actor(sub, role);
    }

    private static RehabEvent readPayload(JsonParser in, Class<? extends RehabEvent> eventClass, String type,
                                          ObjectMapper json) throws UnreadableEvent, IOException {
        try {
            return json.readValue(in, eventClass);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEvent("malformed " + type + " payload: " + e.getMessage());
        }
    }

    /**
     * An envelope read with its event. Its payload may be the JSON text as it came, which {@link #event} does not
     * read: the event is here.
     */
    public record Received(EventEnvelope envelope, RehabEvent event) {
    }

    public static EventEnvelope read(String text, ObjectMapper json) throws UnreadableEvent {
        try {
            return json.readValue(text, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEvent("not an event envelope: " + e.getMessage());
        }
    }

    /** A message on the topic that is not a readable Stamina event. */
    public static class UnreadableEvent extends Exception {

        public UnreadableEvent(String message) {
            super(message);
        }
    }
}
