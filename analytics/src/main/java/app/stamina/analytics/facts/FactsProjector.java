package app.stamina.analytics.facts;

import app.stamina.api.envelope.Topics;
import app.stamina.readmodel.DeadLetters;
import app.stamina.readmodel.DecodedBatch;
import app.stamina.readmodel.DecodedBatch.Decoded;
import app.stamina.readmodel.EndOffsets;
import app.stamina.readmodel.ProjectionMetrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The analytics consumer group: applies each batch from the topic to the athletes' research documents and commits
 * its offsets after the write. Any number of instances can share the partitions; each athlete lives in one
 * partition, so the documents they write never overlap.
 */
@Component
public class FactsProjector {

    public static final String LISTENER_ID = "stamina-analytics";

    private final AthleteFactsStore store;
    private final ObjectMapper json;
    private final ProjectionMetrics metrics;
    private final List<FactsListener> listeners;
    private final DeadLetters deadLetters;
    private final Clock clock;

    public FactsProjector(AthleteFactsStore store, ObjectMapper json, MeterRegistry meters, Clock clock,
                          List<FactsListener> listeners, DeadLetters deadLetters, EndOffsets endOffsets) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.listeners = listeners;
        this.json = json;
        this.clock = clock;
        this.metrics = new ProjectionMetrics(LISTENER_ID, meters, clock, endOffsets);
    }

    @KafkaListener(id = LISTENER_ID, topics = Topics.EVENTS, groupId = "${stamina.analytics.consumer-group}",
            containerFactory = "analyticsListenerFactory", batch = "true")
    public void project(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        DecodedBatch batch = DecodedBatch.of(records, json, metrics, deadLetters);
        apply(batch.byAthlete());
        metrics.batchProjected(records.size(), batch.lastRecordedAt(), consumer);
    }

    /**
     * Writes a batch and tells the listeners what changed. A batch that fails part way may have written documents
     * its retry finds unchanged and does not report: the store is told, so that they are read back once.
     */
    public void apply(Map<String, List<Decoded>> byAthlete) {
        long started = clock.millis();
        try {
            List<AthleteFacts> written = store.applyAll(byAthlete, AthleteFacts::of);
            listeners.forEach(listener -> listener.written(written));
        } catch (RuntimeException e) {
            store.ownWritesUnreportedSince(started);
            throw e;
        }
    }
}
