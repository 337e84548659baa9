package app.stamina.command.http;

import app.stamina.command.CommandHttpTest;
import app.stamina.command.http.Http.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static app.stamina.command.http.Bodies.enrollment;
import static app.stamina.command.http.Bodies.entry;
import static app.stamina.command.http.Bodies.hold;
import static app.stamina.command.http.Bodies.id;
import static app.stamina.command.http.Bodies.nov;
import static app.stamina.command.http.Bodies.setback;
import static app.stamina.command.http.Bodies.syncToStrength;
import static app.stamina.command.http.Bodies.workingLoad;
import static org.assertj.core.api.Assertions.assertThat;

/** A client's eventId makes every write happen once, whatever is retried, reordered or raced. */
class IdempotencyTest extends CommandHttpTest {

    Http http;
    String athlete;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        athlete = "ida-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post(path("enrollment"), enrollment(id())).status()).isEqualTo(201);
    }

    private String path(String command) {
        return "/api/v1/athletes/" + athlete + "/" + command;
    }

    @Test
    void aRetryAnswersTheFirstResultAgainAndRecordsNothing() {
        String body = hold(id(), nov(3), 61);
        Reply first = http.post(path("holds"), body);
        long events = storedEvents(athlete);
        Reply retry = http.post(path("holds"), body);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("duplicate").asBoolean()).isTrue();
        assertThat(retry.json().path("version")).isEqualTo(first.json().path("version"));
        assertThat(retry.json().path("milestonesReached")).isEqualTo(first.json().path("milestonesReached"));
        assertThat(storedEvents(athlete)).isEqualTo(events);
    }

    @Test
    void aRetryIsRecognisedWhateverItsKeyOrderSpacingOrNumberNotation() {
        String eventId = id();
        http.post(path("holds"), """
                {"eventId":"%s","occurredAt":"%s","durationSeconds":95,"load":{"value":10,"unit":"kg"},
                 "placement":"symmetric","neutralHeld":true,"pain":1}""".formatted(eventId, nov(3)));
        Reply retry = http.post(path("holds"), """
                {  "pain": 1, "neutralHeld": true, "placement": "symmetric",
                   "load": {"unit": "kg", "value": 10.00}, "durationSeconds": 95,
                   "occurredAt": "%s", "eventId": "%s" }""".formatted(nov(3), eventId));
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("duplicate").asBoolean()).isTrue();
    }

    @Test
    void aDifferentBodyUnderAUsedEventIdIsAConflict() {
        String eventId = id();
        http.post(path("holds"), hold(eventId, nov(3), 61));
        Reply other = http.post(path("holds"), hold(eventId, nov(3), 62));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("event-id-conflict");
    }

    @Test
    void anEventIdUsedForAnotherAthleteIsAConflict() {
        String eventId = id();
        http.post(path("holds"), hold(eventId, nov(3), 61));
        String other = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        http.post("/api/v1/athletes/" + other + "/enrollment", enrollment(id()));
        Reply reply = http.post("/api/v1/athletes/" + other + "/holds", hold(eventId, nov(3), 61));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("event-id-conflict");
    }

    @Test
    void aRetriedRefusalAnswersTheSameRefusal() {
        String body = workingLoad(id(), "deadlift", "60", "kg");
        Reply first = http.post(path("working-loads"), body);
        Reply retry = http.post(path("working-loads"), body);
        assertThat(first.status()).isEqualTo(422);
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.code()).isEqualTo("stamina-before-strength");
        assertThat(retry.json().path("duplicate").asBoolean()).isTrue();
        assertThat(retry.contentType()).startsWith("application/problem+json");
    }

    /** A retry is answered from the ledger even where running it again would now be refused. */
    @Test
    void aRetriedEnrollmentGetsItsFirstAnswerNotAlreadyEnrolled() {
        String other = "eve-" + UUID.randomUUID().toString().substring(0, 8);
        String body = enrollment(id());
        Reply first = http.post("/api/v1/athletes/" + other + "/enrollment", body);
        Reply retry = http.post("/api/v1/athletes/" + other + "/enrollment", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("duplicate").asBoolean()).isTrue();
        assertThat(retry.json().path("version")).isEqualTo(first.json().path("version"));
        assertThat(storedEvents(other)).isEqualTo(1);
    }

    @Test
    void aRetriedDecisionGetsItsFirstAnswerAfterTheProgramPaused() {
        assertThat(http.post(path("sync"), syncToStrength()).status()).isEqualTo(200);
        String body = workingLoad(id(), "deadlift", "135", "lb");
        Reply first = http.post(path("working-loads"), body);
        assertThat(http.post(path("setbacks"), setback(id(), nov(20), "mild", "\"numbness\"")).json()
                .path("phase").asText()).isEqualTo("paused");
        long events = storedEvents(athlete);
        Reply retry = http.post(path("working-loads"), body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).as("not program-paused: %s", retry.json()).isEqualTo(201);
        assertThat(retry.json().path("duplicate").asBoolean()).isTrue();
        assertThat(retry.json().path("version")).isEqualTo(first.json().path("version"));
        assertThat(storedEvents(athlete)).isEqualTo(events);
    }

    @Test
    void aHoldSentAloneAndThenInASyncIsOneHold() {
        String eventId = id();
        String body = hold(eventId, nov(3), 61);
        Reply alone = http.post(path("holds"), body);
        Reply synced = http.post(path("sync"), "{\"entries\":[" + entry("hold", body) + "]}");
        JsonAssertions.assertSyncResult(synced.json().path("results").get(0), eventId, 200);
        assertThat(synced.json().path("results").get(0).path("duplicate").asBoolean()).isTrue();
        assertThat(synced.json().path("results").get(0).path("version")).isEqualTo(alone.json().path("version"));
        assertThat(storedEvents(athlete)).isEqualTo(3);
    }

    @Test
    void twoCopiesOfOneWriteRacingEachOtherAreRecordedOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 10; round++) {
                String body = hold(id(), nov(3).replace("18:00", "18:%02d".formatted(round)), 30);
                List<Callable<Reply>> copies = new ArrayList<>();
                for (int copy = 0; copy < 4; copy++) {
                    copies.add(() -> http.post(path("holds"), body));
                }
                List<Reply> replies = new ArrayList<>();
                for (Future<Reply> reply : pool.invokeAll(copies)) {
                    replies.add(reply.get());
                }
                assertThat(replies).allMatch(r -> r.status() == 201, "every copy is answered 201");
                assertThat(replies.stream().filter(r -> !r.json().path("duplicate").asBoolean())).hasSize(1);
                assertThat(replies.stream().map(r -> r.json().path("version").asLong()).distinct()).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(storedEvents(athlete)).isEqualTo(11);
    }
}
