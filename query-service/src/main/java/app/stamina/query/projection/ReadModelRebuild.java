package app.stamina.query.projection;

import app.stamina.api.envelope.Topics;
import app.stamina.query.athlete.AthleteViews;
import app.stamina.query.timeline.Timeline;
import app.stamina.readmodel.EndOffsets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Rebuilds every read model of the query service from the topic: stops this instance's consumer, empties the
 * collections, moves the consumer group back to the start of every partition and starts it again. Progress (events
 * projected of the events on the topic when it began) is logged every few seconds and answered by
 * {@link #status()}. Other instances of the query service must be stopped first: the group must be empty to move.
 */
@Service
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(2);

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafkaAdmin;
    private final AthleteViews athletes;
    private final Timeline timeline;
    private final String group;
    private final Clock clock;
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("read-model-rebuild").daemon().factory());
    private volatile Status status = new Status("idle", 0, 0, 100.0, null, null);

    public ReadModelRebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin, AthleteViews athletes,
                            Timeline timeline, @Value("${stamina.query.consumer-group}") String group, Clock clock) {
        this.listeners = listeners;
        this.kafkaAdmin = kafkaAdmin;
        this.athletes = athletes;
        this.timeline = timeline;
        this.group = group;
        this.clock = clock;
    }

    public Status status() {
        return status;
    }

    public synchronized Status start() throws ExecutionException, InterruptedException {
        if (status.state().equals("running")) {
            return status;
        }
        MessageListenerContainer consumer = listeners.getListenerContainer(EventProjector.LISTENER_ID);
        consumer.stop();
        Map<TopicPartition, Long> begin;
        Map<TopicPartition, Long> end;
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.EVENTS)).allTopicNames().get()
                    .get(Topics.EVENTS).partitions().stream()
                    .map(p -> new TopicPartition(Topics.EVENTS, p.partition())).toList();
            begin = EndOffsets.list(admin, partitions, OffsetSpec.earliest()).get();
            end = EndOffsets.list(admin, partitions, OffsetSpec.latest()).get();
            athletes.deleteAll();
            timeline.deleteAll();
            admin.alterConsumerGroupOffsets(group, begin.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all().get();
        }
        long total = end.keySet().stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        Instant started = clock.instant();
        status = new Status("running", total, 0, total == 0 ? 100.0 : 0.0, started, null);
        log.info("rebuilding the read models from {} events on {}", total, Topics.EVENTS);
        consumer.start();
        reporter.schedule(() -> report(begin, end, total, started), REPORT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return status;
    }

    private void report(Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end, long total, Instant started) {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            long done = end.keySet().stream().mapToLong(p -> Math.min(end.get(p),
                    committed.containsKey(p) ? committed.get(p).offset() : begin.get(p)) - begin.get(p)).sum();
            double percent = total == 0 ? 100.0 : Math.floor(1000.0 * done / total) / 10;
            if (done >= total) {
                Instant finished = clock.instant();
                status = new Status("done", total, done, 100.0, started, finished);
                log.info("read models rebuilt: {} events in {} s", total, Duration.between(started, finished).toSeconds());
                return;
            }
            status = new Status("running", total, done, percent, started, null);
            log.info("rebuilding the read models: {} of {} events ({} %)", done, total, percent);
        } catch (ExecutionException e) {
            log.warn("could not read the rebuild's progress: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        reporter.schedule(() -> report(begin, end, total, started), REPORT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Where a rebuild stands: {@code idle}, {@code running} or {@code done}. */
    public record Status(String state, long totalEvents, long projectedEvents, double percent, Instant startedAt,
                         Instant finishedAt) {
    }
}
