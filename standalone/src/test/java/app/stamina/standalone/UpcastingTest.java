package app.stamina.standalone;

import app.stamina.api.envelope.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

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
 * An event store holding a setback in its first revision (before {@code redFlagged}), written as an older version
 * of Stamina wrote it: the program still loads and takes new facts, the relay publishes the setback in its current
 * form with the red flag worked out, the read models show it and rebuild from the topic, and new setbacks are
 * stored as revision 2.
 */
class UpcastingTest {

    private static final String ATHLETE = "old-revision";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    @Test
    void anEventStoreWithAnOlderRevisionStillLoadsRelaysAndRebuilds() throws Exception {
        try (ConfigurableApplicationContext before = start()) {
            StandaloneHttp http = http(before);
            assertThat(http.post("/api/v1/athletes/" + ATHLETE + "/enrollment", StandaloneHttp.enrollment()).status()).isEqualTo(201);
            JdbcTemplate jdbc = before.getBean(JdbcTemplate.class);
            Map<String, Object> enrollment = jdbc.queryForMap("SELECT type, metaData FROM DomainEventEntry "
                    + "WHERE aggregateIdentifier = ? AND sequenceNumber = 0", ATHLETE);
            String revision1 = """
                    {"eventId":"%s","athleteId":"%s","occurredAt":"2026-11-03T19:00:00+01:00","severity":"mild",
                     "symptoms":["numbness"],"note":"tingling toes"}""".formatted(UUID.randomUUID(), ATHLETE);
            jdbc.update("INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, "
                            + "timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?, ?, 1, ?, ?, ?, NULL, ?, ?)",
                    UUID.randomUUID().toString(), ATHLETE, enrollment.get("type"), "2026-11-03T18:00:00Z",
                    "app.stamina.api.event.SetbackReported", revision1.getBytes(StandardCharsets.UTF_8),
                    enrollment.get("metadata"));
        }

        try (ConfigurableApplicationContext after = start()) {
            StandaloneHttp http = http(after);
            StandaloneHttp.Reply hold = http.post("/api/v1/athletes/" + ATHLETE + "/holds",
                    StandaloneHttp.hold(UUID.randomUUID().toString(), "2026-11-04T18:00:00+01:00", 45));
            assertThat(hold.status()).as("the program loads with the old setback in it").isEqualTo(201);
            assertThat(hold.json().path("version").asLong()).isEqualTo(3);

            JsonNode setback = envelope(after.getEnvironment().getProperty("spring.kafka.bootstrap-servers"), 2);
            assertThat(setback.path("type").asText()).isEqualTo("SetbackReported");
            assertThat(setback.path("payload").path("redFlagged").asBoolean())
                    .as("the red flag worked out from the symptoms").isTrue();

            assertThat(http.get("/api/v1/athletes/" + ATHLETE + "/progress?minVersion=3").status()).isEqualTo(200);
            String timeline = http.get("/api/v1/athletes/" + ATHLETE + "/timeline").text();
            assertThat(timeline).contains("SetbackReported");

            assertThat(http.post("/api/v1/admin/read-models/rebuild", "{}").status()).isEqualTo(202);
            Instant deadline = Instant.now().plusSeconds(60);
            while (!http.get("/api/v1/admin/read-models/rebuild").json().path("state").asText().equals("done")) {
                assertThat(Instant.now()).as("the rebuild finishes").isBefore(deadline);
                Thread.sleep(200);
            }
            assertThat(http.get("/api/v1/athletes/" + ATHLETE + "/timeline").text()).isEqualTo(timeline);

            StandaloneHttp.Reply fresh = http.post("/api/v1/athletes/" + ATHLETE + "/setbacks", """
                    {"eventId":"%s","occurredAt":"2026-11-05T08:00:00+01:00","severity":"mild","symptoms":["stiffness"]}"""
                    .formatted(UUID.randomUUID()));
            assertThat(fresh.status()).isEqualTo(201);
            assertThat(after.getBean(JdbcTemplate.class).queryForObject("SELECT payloadRevision FROM DomainEventEntry "
                    + "WHERE aggregateIdentifier = ? AND sequenceNumber = 3", String.class, ATHLETE))
                    .as("new setbacks are stored as revision 2").isEqualTo("2");
        }
    }

    private static ConfigurableApplicationContext start() {
        return StaminaStandalone.application().run("--server.port=0", "--stamina.data-dir=" + dataDir);
    }

    private static StandaloneHttp http(ConfigurableApplicationContext app) {
        return new StandaloneHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    /** The envelope of the athlete's event with {@code version}, read from the topic. */
    private static JsonNode envelope(String bootstrap, long version) throws Exception {
        try (KafkaConsumer<String, String> consumer = TopicReader.fromTheStart(bootstrap, Topics.EVENTS)) {
            Instant deadline = Instant.now().plusSeconds(30);
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                for (ConsumerRecord<String, String> record : seen) {
                    JsonNode envelope = JSON.readTree(record.value());
                    if (ATHLETE.equals(record.key()) && envelope.path("version").asLong() == version) {
                        return envelope;
                    }
                }
            }
        }
        throw new AssertionError("no envelope of version " + version + " on the topic");
    }
}
