package app.stamina.readmodel;

import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.event.RehabEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch from the topic, read into events grouped by athlete in topic order. A message that is not a readable
 * event is counted, logged and left out; the rest of the batch goes on.
 */
public record DecodedBatch(Map<String, List<Decoded>> byAthlete, Instant lastRecordedAt) {

    private static final Logger log = LoggerFactory.getLogger(DecodedBatch.class);

    public static DecodedBatch of(List<ConsumerRecord<String, String>> records, ObjectMapper json,
                                  ProjectionMetrics metrics) {
        Map<String, List<Decoded>> byAthlete = new LinkedHashMap<>();
        Instant lastRecordedAt = null;
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope envelope = EventEnvelope.read(record.value(), json);
                byAthlete.computeIfAbsent(envelope.athleteId().value(), id -> new ArrayList<>())
                        .add(new Decoded(envelope, envelope.event(json)));
                lastRecordedAt = envelope.recordedAt();
            } catch (EventEnvelope.UnreadableEvent unreadable) {
                metrics.unreadable();
                log.error("skipping unreadable message {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), unreadable.getMessage());
            }
        }
        return new DecodedBatch(byAthlete, lastRecordedAt);
    }

    /** An event with the envelope it came in. */
    public record Decoded(EventEnvelope envelope, RehabEvent event) {
    }
}
