package app.stamina.standalone;

import app.stamina.api.StaminaJson;
import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.envelope.Topics;
import app.stamina.standalone.StandaloneHttp.Reply;
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
import java.util.concurrent.ThreadLocalRandom;
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

    private final AcknowledgedWrites writes = new AcknowledgedWrites();

    @Test
    void everyAcknowledgedWriteIsStoredPublishedAndProjectedExactlyOnce() throws Exception {
        int port = FreePorts.any();
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
                AcknowledgedWrites.Writing writing = writes.start(http, athletes);
                Thread.sleep(2500 + ThreadLocalRandom.current().nextInt(1000));
                app.kill();
                Thread.sleep(300);
                writing.stop();
                app = StandaloneProcess.start(dataDir, port);
            }
            assertThat(writes.count()).isGreaterThan(50);

            for (String athlete : athletes) {
                AcknowledgedWrites.ReadModel readModel = writes.assertReadModelsHoldEachWriteOnce(http, athlete);
                assertResearchFactsHoldEachEventOnce(http, athlete, readModel);
            }
            assertTopicHoldsEachWriteOnce(athletes);
            for (AcknowledgedWrites.Acked write : writes.all()) {
                Reply again = http.postPolitely("/api/v1/athletes/" + write.athlete() + "/holds", write.body());
                assertThat(again.status()).as(again.toString()).isEqualTo(201);
                assertThat(again.json().path("duplicate").asBoolean()).as("stored once: %s", write).isTrue();
                assertThat(again.json().path("version").asLong()).isEqualTo(write.version());
            }
        } finally {
            app.close();
        }
    }

    /** Analytics' research document of the athlete has applied every event once: same version, same hold seconds. */
    private void assertResearchFactsHoldEachEventOnce(StandaloneHttp http, String athlete,
                                                      AcknowledgedWrites.ReadModel readModel) throws Exception {
        try (MongoClient mongo = MongoClients.create(endpoints().getProperty("mongodb.uri"))) {
            MongoCollection<Document> facts = mongo.getDatabase("stamina").getCollection("athleteFacts");
            Instant deadline = Instant.now().plusSeconds(90);
            Document research = facts.find(Filters.eq("_id", athlete)).first();
            while ((research == null || research.get("version", Number.class).longValue() < readModel.version())
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                research = facts.find(Filters.eq("_id", athlete)).first();
            }
            assertThat(research).as("research facts of %s", athlete).isNotNull();
            long researchVersion = research.get("version", Number.class).longValue();
            if (researchVersion > readModel.version()) {
                // Analytics already applied a stored but unanswered write the query side had not yet: wait for it.
                readModel = writes.assertReadModelsHoldEachWriteOnce(http, athlete, researchVersion);
            }
            assertThat(researchVersion).isEqualTo(readModel.version());
            long seconds = research.get("weeks", Document.class).values().stream()
                    .mapToLong(week -> ((Document) week).get("totalHoldSeconds", Number.class).longValue()).sum();
            assertThat(seconds).as("counted hold seconds of %s in the research facts", athlete)
                    .isEqualTo(readModel.countedHoldSeconds());
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
        writes.all().forEach(write -> assertThat(timesPublished.get(write.eventId())).as("published once: %s", write).isEqualTo(1));
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
