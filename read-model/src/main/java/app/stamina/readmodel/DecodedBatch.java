package app.stamina.readmodel;

import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.event.RehabEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch from the topic, read into events grouped by athlete in topic order. A message that is not a readable
 * event (malformed, or of a type this version does not know) is counted, logged and sent to the dead-letter topic;
 * the rest of the batch goes on.
 */
public record DecodedBatch(Map<String, List<Decoded>> byAthlete, Instant lastRecordedAt) {

    /**
     * The batch with each envelope's payload as a JSON tree, for a reader that keeps it
     * ({@link EventEnvelope#readWithPayload}).
     */
    public static DecodedBatch of(List<ConsumerRecord<String, String>> records, ObjectMapper json,
                                  ProjectionMetrics metrics, DeadLetters deadLetters) {
        return decode(records, metrics, deadLetters, text -> EventEnvelope.readWithPayload(text, json));
    }

    /**
     * The batch read in one pass per message, payloads straight into events ({@link EventEnvelope#readEvent}), for a
     * reader that needs the events and not their payloads as trees: half of what analytics spent per event was in
     * reading each payload into a tree and the tree into the event.
     */
    public static DecodedBatch ofEvents(List<ConsumerRecord<String, String>> records, ObjectMapper json,
                                        ProjectionMetrics metrics, DeadLetters deadLetters) {
        return decode(records, metrics, deadLetters, text -> EventEnvelope.readEvent(text, json));
    }

    private static DecodedBatch decode(List<ConsumerRecord<String, String>> records, ProjectionMetrics metrics,
                                       DeadLetters deadLetters, Reader reader) {
        Map<String, List<Decoded>> byAthlete = new LinkedHashMap<>();
        Instant lastRecordedAt = null;
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope.Received received = reader.read(record.value());
                Decoded decoded = new Decoded(received.envelope(), received.event());
                byAthlete.computeIfAbsent(decoded.envelope().athleteId().value(), id -> new ArrayList<>()).add(decoded);
                lastRecordedAt = decoded.envelope().recordedAt();
            } catch (EventEnvelope.UnreadableEvent unreadable) {
                deadLetters.send(record, metrics.consumer(), unreadable.getMessage());
                metrics.unreadable();
            }
        }
        return new DecodedBatch(byAthlete, lastRecordedAt);
    }

    private interface Reader {
        EventEnvelope.Received read(String text) throws EventEnvelope.UnreadableEvent;
    }

    /** An event with the envelope it came in. */
    public record Decoded(EventEnvelope envelope, RehabEvent event) {
    }
}
