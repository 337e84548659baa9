package app.stamina.command.relay;

import app.stamina.api.StaminaJson;
import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.envelope.Topics;
import app.stamina.api.envelope.Actor;
import app.stamina.command.CommandHttpTest;
import app.stamina.command.TestTokens;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every stored event reaches the topic once, keyed by its athlete, in stream order, as an envelope. */
class KafkaRelayTest extends CommandHttpTest {

    private static final ObjectMapper JSON = StaminaJson.mapper();

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void everyEventOfAnAthleteIsPublishedInOrderWithItsClientEventId() throws Exception {
        String athlete = "relay-" + UUID.randomUUID().toString().substring(0, 8);
        String enrollmentId = UUID.randomUUID().toString();
        String holdId = UUID.randomUUID().toString();
        post(athlete, "enrollment", """
                {"eventId":"%s","birthYear":1988,"sex":"female","condition":"strain","surgery":"none",
                 "injuryDate":"2026-06-01","timeZone":"Europe/Amsterdam","enrolledAt":"2026-11-02T09:00:00+01:00"}"""
                .formatted(enrollmentId));
        post(athlete, "holds", """
                {"eventId":"%s","occurredAt":"2026-11-03T18:00:00+01:00","durationSeconds":95,
                 "placement":"none","neutralHeld":true,"pain":1}""".formatted(holdId));

        List<EventEnvelope> published = readTopicFor(athlete, 4);

        assertThat(published).extracting(EventEnvelope::version).containsExactly(1L, 2L, 3L, 4L);
        assertThat(published).extracting(EventEnvelope::type)
                .containsExactly("AthleteEnrolled", "HoldCompleted", "MilestoneReached", "MilestoneReached");
        assertThat(published.get(0).eventId()).isEqualTo(enrollmentId);
        assertThat(published.get(1).eventId()).isEqualTo(holdId);
        assertThat(published.get(2).eventId()).isNotEqualTo(holdId);
        assertThat(published.get(1).occurredAt()).hasToString("2026-11-03T18:00+01:00");
        assertThat(published.get(1).recordedAt()).isBefore(Instant.now());
        assertThat(published.get(1).payload().path("durationSeconds").asInt()).isEqualTo(95);
        assertThat(published).allMatch(e -> new Actor("nurse-ann", "clinician").equals(e.actor()),
                "every event records who caused it, milestones included");
    }

    /**
     * The relay reads the store in batches of its own: Axon's shared cache of the newest events, whose producer thread
     * is named after the store, would hold every event a lagging relay has not read yet.
     */
    @Test
    void theRelayReadsTheStoreWithoutASharedCacheOfEvents() throws Exception {
        String athlete = "cache-" + UUID.randomUUID().toString().substring(0, 8);
        post(athlete, "enrollment", """
                {"eventId":"%s","birthYear":1988,"sex":"female","condition":"strain","surgery":"none",
                 "injuryDate":"2026-06-01","timeZone":"Europe/Amsterdam","enrolledAt":"2026-11-02T09:00:00+01:00"}"""
                .formatted(UUID.randomUUID()));
        assertThat(readTopicFor(athlete, 1)).hasSize(1);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("EmbeddedEventStore"));
    }

    @Test
    void theEventSerializerReadsMetadataWithTheQuickReader() throws Exception {
        ObjectMapper mapper = ((JacksonSerializer) eventSerializer).getObjectMapper();
        DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createDummyInstance(mapper.getDeserializationConfig());
        assertThat(context.findRootValueDeserializer(mapper.constructType(MetaData.class))).isInstanceOf(MetaDataReader.class);
        MetaData actor = MetaData.with("sub", "nurse-ann").and("role", "clinician");
        MetaData read = eventSerializer.deserialize(eventSerializer.serialize(actor, byte[].class));
        assertThat((Object) read).isEqualTo(actor);
    }

    private List<EventEnvelope> readTopicFor(String athlete, int expected) throws Exception {
        List<EventEnvelope> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(athlete)) {
                        found.add(EventEnvelope.read(record.value(), JSON));
                    }
                }
                if (found.size() >= expected) {
                    Thread.sleep(500);
                    consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                        if (record.key().equals(athlete)) {
                            throw new AssertionError("more events than written: " + record.value());
                        }
                    });
                    return found;
                }
            }
        }
        throw new AssertionError("only " + found.size() + " of " + expected + " events reached the topic");
    }

    private void post(String athlete, String command, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/athletes/" + athlete + "/" + command))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.token("nurse-ann", "clinician"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
