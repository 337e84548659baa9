package app.stamina.standalone;

import app.stamina.api.StaminaJson;
import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.envelope.Topics;
import app.stamina.standalone.StandaloneHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the standalone process (SIGKILL) in the middle of a stream of writes, three times, restarting it on the same
 * data directory each time. Every write that was answered 2xx must then be in the event store, on the topic, in
 * the read models and in analytics' research facts exactly once, with each athlete's versions contiguous everywhere.
 */
class CrashTest {

    private static final int ATHLETES = 4;
    private static final int KILLS = 3;

    @TempDir
    Path dataDir;

    private final Map<String, Acked> acked = new ConcurrentHashMap<>();

    record Acked(String athlete, String eventId, String body, long version) {
    }

    @Test
    void everyAcknowledgedWriteIsStoredPublishedAndProjectedExactlyOnce() throws Exception {
        int port = StandaloneProcess.freePort();
        StandaloneHttp http = new StandaloneHttp(port);
        StandaloneProcess app = StandaloneProcess.start(dataDir, port);
        try {
            List<String> athletes = new ArrayList<>();
            for (int i = 0; i < ATHLETES; i++) {
                String athlete = "crash-" + i;
                assertThat(http.post("/api/v1/athletes/" + athlete + "/enrollment", StandaloneHttp.enrollment()).status())
                        .isEqualTo(201);
                athletes.add(athlete);
            }
            for (int kill = 0; kill < KILLS; kill++) {
                AtomicBoolean writing = new AtomicBoolean(true);
                List<Thread> writers = athletes.stream()
                        .map(athlete -> Thread.ofVirtual().start(() -> write(http, athlete, writing))).toList();
                Thread.sleep(2500 + ThreadLocalRandom.current().nextInt(1000));
                app.kill();
                Thread.sleep(300);
                writing.set(false);
                for (Thread writer : writers) {
                    writer.join();
                }
                app = StandaloneProcess.start(dataDir, port);
            }
            assertThat(acked).hasSizeGreaterThan(50);

            Map<String, Long> latest = new HashMap<>();
            acked.values().forEach(a -> latest.merge(a.athlete(), a.version(), Math::max));
            for (String athlete : athletes) {
                Timeline timeline = assertReadModelsHoldEachWriteOnce(http, athlete, latest.getOrDefault(athlete, 1L));
                assertResearchFactsHoldEachEventOnce(athlete, timeline);
            }
            assertTopicHoldsEachWriteOnce(athletes);
            for (Acked write : acked.values()) {
                Reply again = http.postPolitely("/api/v1/athletes/" + write.athlete() + "/holds", write.body());
                assertThat(again.status()).as(again.toString()).isEqualTo(201);
                assertThat(again.json().path("duplicate").asBoolean()).as("stored once: %s", write).isTrue();
                assertThat(again.json().path("version").asLong()).isEqualTo(write.version());
            }
        } finally {
            app.close();
        }
    }

    private void write(StandaloneHttp http, String athlete, AtomicBoolean writing) {
        while (writing.get()) {
            String eventId = UUID.randomUUID().toString();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String at = "2026-11-%02dT%02d:%02d:%02dZ".formatted(random.nextInt(3, 21), random.nextInt(24),
                    random.nextInt(60), random.nextInt(60));
            String body = StandaloneHttp.hold(eventId, at, random.nextInt(10, 300));
            try {
                Reply reply = http.post("/api/v1/athletes/" + athlete + "/holds", body);
                if (reply.status() == 201) {
                    acked.put(eventId, new Acked(athlete, eventId, body, reply.json().path("version").asLong()));
                }
            } catch (Exception unanswered) {
                // The process is down: this write's fate is unknown, so it is not counted as acknowledged.
            }
        }
    }

    /** What the timeline read model holds of an athlete: its last version and the seconds of its counted holds. */
    record Timeline(long version, long countedHoldSeconds) {
    }

    private Timeline assertReadModelsHoldEachWriteOnce(StandaloneHttp http, String athlete, long latest) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        Reply progress = http.get("/api/v1/athletes/" + athlete + "/progress?minVersion=" + latest);
        while (progress.status() == 503 && Instant.now().isBefore(deadline)) {
            progress = http.get("/api/v1/athletes/" + athlete + "/progress?minVersion=" + latest);
        }
        assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
        long version = progress.json().path("version").asLong();

        List<Long> versions = new ArrayList<>();
        Map<String, Long> versionOfEventId = new HashMap<>();
        long countedHoldSeconds = 0;
        long after = 0;
        while (true) {
            JsonNode page = http.get("/api/v1/athletes/" + athlete + "/timeline?limit=1000&after=" + after).json();
            for (JsonNode event : page.path("events")) {
                versions.add(event.path("version").asLong());
                if (event.path("type").asText().equals("HoldCompleted") && event.at("/data/countsTowardProgress").asBoolean()) {
                    countedHoldSeconds += event.at("/data/durationSeconds").asLong();
                }
                assertThat(versionOfEventId.put(event.path("eventId").asText(), event.path("version").asLong()))
                        .as("eventId %s appears once", event.path("eventId").asText()).isNull();
            }
            if (page.path("next").isNull()) {
                break;
            }
            after = page.path("next").asLong();
        }
        assertThat(versions).containsExactlyElementsOf(LongStream.rangeClosed(1, version).boxed().toList());
        // A write's answer is the stream position after it; its own event may be followed by milestones it reached.
        acked.values().stream().filter(a -> a.athlete().equals(athlete))
                .forEach(a -> assertThat(versionOfEventId.get(a.eventId())).as("in the timeline: %s", a)
                        .isNotNull().isBetween(a.version() - 5, a.version()));
        return new Timeline(version, countedHoldSeconds);
    }

    /** Analytics' research document of the athlete has applied every event once: same version, same hold seconds. */
    private void assertResearchFactsHoldEachEventOnce(String athlete, Timeline timeline) throws Exception {
        try (MongoClient mongo = MongoClients.create(endpoints().getProperty("mongodb.uri"))) {
            MongoCollection<Document> facts = mongo.getDatabase("stamina").getCollection("athleteFacts");
            Instant deadline = Instant.now().plusSeconds(90);
            Document research = facts.find(Filters.eq("_id", athlete)).first();
            while ((research == null || research.get("version", Number.class).longValue() < timeline.version())
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                research = facts.find(Filters.eq("_id", athlete)).first();
            }
            assertThat(research).as("research facts of %s", athlete).isNotNull();
            assertThat(research.get("version", Number.class).longValue()).isEqualTo(timeline.version());
            long seconds = research.get("weeks", Document.class).values().stream()
                    .mapToLong(week -> ((Document) week).get("totalHoldSeconds", Number.class).longValue()).sum();
            assertThat(seconds).as("counted hold seconds of %s in the research facts", athlete)
                    .isEqualTo(timeline.countedHoldSeconds());
        }
    }

    private void assertTopicHoldsEachWriteOnce(List<String> athletes) throws Exception {
        Map<String, List<Long>> versions = new HashMap<>();
        Map<String, Integer> timesPublished = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = TopicReader.fromTheStart(
                endpoints().getProperty("kafka.bootstrap-servers"), Topics.EVENTS)) {
            Instant quietSince = Instant.now();
            while (Duration.between(quietSince, Instant.now()).toSeconds() < 5) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    EventEnvelope envelope = EventEnvelope.read(record.value(), StaminaJson.mapper());
                    versions.computeIfAbsent(envelope.athleteId().value(), a -> new ArrayList<>()).add(envelope.version());
                    timesPublished.merge(envelope.eventId(), 1, Integer::sum);
                    quietSince = Instant.now();
                }
            }
        }
        for (String athlete : athletes) {
            List<Long> published = versions.get(athlete);
            assertThat(published).as("versions of %s on the topic", athlete)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, published.size()).boxed().toList());
        }
        acked.keySet().forEach(eventId -> assertThat(timesPublished.get(eventId)).as("published once: %s", eventId).isEqualTo(1));
    }

    /** Where the last start of the process put its embedded servers. */
    private Properties endpoints() throws IOException {
        Properties endpoints = new Properties();
        try (Reader in = Files.newBufferedReader(dataDir.resolve("endpoints.properties"))) {
            endpoints.load(in);
        }
        return endpoints;
    }
}
