package app.stamina.standalone;

import app.stamina.api.envelope.Topics;
import app.stamina.readmodel.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Garbage on the topic: a message that is no JSON and an envelope of an event type nobody knows, between real
 * events. Each read side sends both to the dead-letter topic with a reason, counts them, logs them, and goes on
 * projecting what follows.
 */
class PoisonMessageTest {

    @TempDir
    static Path dataDir;

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheReadSidesKeepGoing() throws Exception {
        try (ConfigurableApplicationContext app = StaminaStandalone.application()
                .run("--server.port=0", "--stamina.data-dir=" + dataDir)) {
            StandaloneHttp http = new StandaloneHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            String bootstrap = app.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
            assertThat(http.post("/api/v1/athletes/before-poison/enrollment", StandaloneHttp.enrollment()).status()).isEqualTo(201);

            String unknownType = """
                    {"eventId":"%s","type":"MoonLanded","athleteId":"poison","version":1,"occurredAt":"2026-11-03T18:00:00Z",
                     "recordedAt":"2026-11-03T18:00:01Z","payload":{"crater":"Tycho"}}""".formatted(UUID.randomUUID());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, "poison", "this is not an event {")).get();
                producer.send(new ProducerRecord<>(Topics.EVENTS, "poison", unknownType)).get();
            }

            StandaloneHttp.Reply after = http.post("/api/v1/athletes/after-poison/enrollment", StandaloneHttp.enrollment());
            assertThat(after.status()).isEqualTo(201);
            assertThat(http.get("/api/v1/athletes/after-poison/progress?minVersion=1").status())
                    .as("the query side projects what follows the poison").isEqualTo(200);
            CaughtUp.await(app, Duration.ofSeconds(30));

            List<ConsumerRecord<String, String>> deadLetters = deadLetters(bootstrap, 4);
            assertThat(deadLetters).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("this is not an event {", "this is not an event {", unknownType, unknownType);
            assertThat(deadLetters).extracting(record -> header(record, DeadLetters.CONSUMER))
                    .containsExactlyInAnyOrder("stamina-query", "stamina-query", "stamina-analytics", "stamina-analytics");
            assertThat(deadLetters).allSatisfy(record -> {
                assertThat(header(record, DeadLetters.REASON)).isNotBlank();
                assertThat(header(record, DeadLetters.SOURCE)).startsWith(Topics.EVENTS + "-");
            });
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            for (String consumer : List.of("stamina-query", "stamina-analytics")) {
                assertThat(meters.get("stamina.events.unreadable").tag("consumer", consumer).counter().count())
                        .as("unreadable messages counted by %s", consumer).isEqualTo(2);
            }
            assertThat(http.get("/api/v1/cohorts").json().path("cohorts")).as("analytics still answers").isNotNull();
        }
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String bootstrap, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TopicReader.fromTheStart(bootstrap, DeadLetters.TOPIC)) {
            Instant deadline = Instant.now().plusSeconds(30);
            while (records.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
