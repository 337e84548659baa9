package app.stamina.standalone;

import app.stamina.readmodel.EndOffsets;
import app.stamina.readmodel.ProjectionMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lag a read side reports after each batch, against a real broker: events on its partitions not yet read, and
 * the age of the last one it projected while any are left, whatever its own consumer is waiting for meanwhile.
 */
class ProjectionLagTest {

    private static final String TOPIC = "lag-test";
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @TempDir
    static Path dataDir;

    private static PersistentKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = PersistentKafka.start(dataDir.resolve("broker"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void aBatchMeasuresTheEventsLeftOnItsPartitionsAndTheAgeOfWhatItProjected() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(TOPIC, 0, "athlete", "event " + i)).get();
            }
        }
        MeterRegistry meters = new SimpleMeterRegistry();
        // Partition 1 stays empty: while the consumer's next fetch waits at the broker for news of it, the batch's
        // question of where the partitions end is asked all the same.
        TopicPartition busy = new TopicPartition(TOPIC, 0);
        List<TopicPartition> partitions = List.of(busy, new TopicPartition(TOPIC, 1));
        Map<String, Object> broker = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (EndOffsets ends = new EndOffsets(broker);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                     new StringDeserializer(), new StringDeserializer())) {
            assertThat(ends.of(partitions)).isEqualTo(Map.of(busy, 5L, new TopicPartition(TOPIC, 1), 0L));
            ProjectionMetrics metrics = new ProjectionMetrics("lag-test", meters, Clock.fixed(NOW, ZoneOffset.UTC),
                    ends);
            consumer.assign(partitions);

            readTo(consumer, busy, 2);
            metrics.batchProjected(2, NOW.minusSeconds(3), consumer);
            assertThat(metrics.lagEvents()).isEqualTo(3);
            assertThat(lagSeconds(meters)).isEqualTo(3.0);

            readTo(consumer, busy, 5);
            metrics.batchProjected(3, NOW.minusSeconds(1), consumer);
            assertThat(metrics.lagEvents()).isZero();
            assertThat(lagSeconds(meters)).isZero();
            assertThat(meters.get("stamina.events.projected").counter().count()).isEqualTo(5.0);
        }
    }

    /** Polls, one record at a time, until the consumer stands at {@code offset} of {@code partition}. */
    private static void readTo(KafkaConsumer<String, String> consumer, TopicPartition partition, long offset) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (consumer.position(partition) < offset) {
            assertThat(Instant.now()).as("read to %d within 30 s", offset).isBefore(deadline);
            consumer.poll(Duration.ofMillis(200));
        }
    }

    private static double lagSeconds(MeterRegistry meters) {
        return meters.get("stamina.projection.lag.seconds").gauge().value();
    }
}
