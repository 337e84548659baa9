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
     * The batch read in one pass per message, payloads straight into events ({@link EventEnvelope#readEvent}), each
     * envelope keeping its payload's text as it came: reading each payload into a tree and the tree into the event
     * was half of what analytics spent per event, and most of the third the query side's consumer spent decoding.
     */
    public static DecodedBatch of(List<ConsumerRecord<String, String>> records, ObjectMapper json,
                                  ProjectionMetrics metrics, DeadLetters deadLetters) {
        Map<String, List<Decoded>> byAthlete = new LinkedHashMap<>();
        Instant lastRecordedAt = null;
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope.Received received = EventEnvelope.readEvent(record.value(), json);
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

    /** An event with the envelope it came in. */
    public record Decoded(EventEnvelope envelope, RehabEvent event) {
    }
}
