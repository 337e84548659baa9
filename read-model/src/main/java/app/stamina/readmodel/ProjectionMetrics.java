package app.stamina.readmodel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * What a consumer group has projected and how far behind it is: in events (end of the partitions minus its
 * position, summed over the partitions) and in seconds (since the last projected event was recorded, while it is
 * behind; the most of any partition). Each partition's figures come from the consumer thread that last read it,
 * measured after each batch against the partitions' ends as the broker has them then ({@link EndOffsets}).
 */
public class ProjectionMetrics {

    private static final Logger log = LoggerFactory.getLogger(ProjectionMetrics.class);

    private final Counter projected;
    private final Counter unreadable;
    private final Map<TopicPartition, Lag> lags = new ConcurrentHashMap<>();
    private final Clock clock;
    private final String consumer;
    private final EndOffsets endOffsets;

    public ProjectionMetrics(String consumer, MeterRegistry meters, Clock clock, EndOffsets endOffsets) {
        this.clock = clock;
        this.endOffsets = endOffsets;
        this.consumer = consumer;
        this.projected = Counter.builder("stamina.events.projected").tag("consumer", consumer)
                .description("Events applied to the read models").register(meters);
        this.unreadable = Counter.builder("stamina.events.unreadable").tag("consumer", consumer)
                .description("Messages on the topic that are not readable events, sent to the dead-letter topic")
                .register(meters);
        Gauge.builder("stamina.projection.lag.events", this, ProjectionMetrics::lagEvents).tag("consumer", consumer)
                .description("Events on the topic not yet projected").register(meters);
        Gauge.builder("stamina.projection.lag.seconds", lags,
                        all -> all.values().stream().mapToLong(Lag::millis).max().orElse(0) / 1000.0)
                .tag("consumer", consumer)
                .description("Age of the last projected event while the projection is behind").register(meters);
    }

    public String consumer() {
        return consumer;
    }

    public void unreadable() {
        unreadable.increment();
    }

    /**
     * After a batch: counts it and measures the lag of the consumer that read it. If the broker does not say where
     * the partitions end, the lag stays as it was last measured: the batch is written, and fails for nothing else.
     */
    public void batchProjected(int events, Instant lastRecordedAt, Consumer<?, ?> consumer) {
        projected.increment(events);
        Set<TopicPartition> assignment = consumer.assignment();
        Map<TopicPartition, Long> ends;
        try {
            ends = endOffsets.of(assignment);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("{}: lag not measured, the broker did not say where its partitions end: {}", this.consumer,
                    e.toString());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long age = lastRecordedAt == null ? 0 : Math.max(0, Duration.between(lastRecordedAt, clock.instant()).toMillis());
        for (TopicPartition partition : assignment) {
            long behind = Math.max(0, ends.getOrDefault(partition, 0L) - consumer.position(partition));
            lags.put(partition, new Lag(behind, behind == 0 ? 0 : age));
        }
    }

    public long lagEvents() {
        return lags.values().stream().mapToLong(Lag::events).sum();
    }

    private record Lag(long events, long millis) {
    }
}
