package app.stamina.query.projection;

import app.stamina.api.envelope.Topics;
import app.stamina.query.athlete.AthleteView;
import app.stamina.query.athlete.AthleteViews;
import app.stamina.query.timeline.Timeline;
import app.stamina.readmodel.DecodedBatch.Decoded;
import app.stamina.readmodel.DeadLetters;
import app.stamina.readmodel.DecodedBatch;
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
 * The query service's consumer group: each batch from the topic is applied to the athletes' documents and
 * timelines in MongoDB, and its offsets are committed only once those writes are done. Every write is idempotent,
 * so a batch delivered again after a crash changes nothing.
 */
@Component
public class EventProjector {

    public static final String LISTENER_ID = "stamina-query";

    private final AthleteViews athletes;
    private final Timeline timeline;
    private final VersionWatch watch;
    private final ObjectMapper json;
    private final ProjectionMetrics metrics;
    private final DeadLetters deadLetters;

    public EventProjector(AthleteViews athletes, Timeline timeline, VersionWatch watch, ObjectMapper json,
                          MeterRegistry meters, Clock clock, DeadLetters deadLetters, EndOffsets endOffsets) {
        this.athletes = athletes;
        this.deadLetters = deadLetters;
        this.timeline = timeline;
        this.watch = watch;
        this.json = json;
        this.metrics = new ProjectionMetrics(LISTENER_ID, meters, clock, endOffsets);
    }

    @KafkaListener(id = LISTENER_ID, topics = Topics.EVENTS, groupId = "${stamina.query.consumer-group}",
            containerFactory = "queryListenerFactory", batch = "true")
    public void project(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        DecodedBatch batch = DecodedBatch.of(records, json, metrics, deadLetters);
        apply(batch.byAthlete());
        watch.batchWritten();
        metrics.batchProjected(records.size(), batch.lastRecordedAt(), consumer);
    }

    /**
     * Applies decoded events, grouped by athlete in topic order, to the read models: the timeline first, so that
     * once an athlete's document shows a version, the timeline holds it too.
     */
    void apply(Map<String, List<Decoded>> byAthlete) {
        timeline.applyAll(byAthlete);
        athletes.applyAll(byAthlete, AthleteView::of);
    }
}
