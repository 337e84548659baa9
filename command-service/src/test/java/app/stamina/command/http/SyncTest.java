package app.stamina.command.http;

import app.stamina.command.CommandHttpTest;
import app.stamina.command.http.Http.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static app.stamina.command.http.Bodies.enrollment;
import static app.stamina.command.http.Bodies.entry;
import static app.stamina.command.http.Bodies.hold;
import static app.stamina.command.http.Bodies.id;
import static app.stamina.command.http.Bodies.nov;
import static app.stamina.command.http.Bodies.setback;
import static app.stamina.command.http.JsonAssertions.assertSyncResult;
import static org.assertj.core.api.Assertions.assertThat;

/** The offline upload: every entry answered in order, one bad entry never stopping the rest. */
class SyncTest extends CommandHttpTest {

    Http http;
    String path;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        String athlete = "syd-" + UUID.randomUUID().toString().substring(0, 8);
        path = "/api/v1/athletes/" + athlete + "/sync";
        http.post("/api/v1/athletes/" + athlete + "/enrollment", enrollment(id()));
    }

    @Test
    void everyEntryGetsItsOwnAnswerInOrder() {
        String good = id();
        String painful = id();
        String early = id();
        String repeated = id();
        String conflicting = id();
        String unknownType = id();
        String fall = id();
        Reply reply = http.post(path, "{\"entries\":[" + String.join(",",
                entry("hold", hold(good, nov(3), 61)),
                entry("hold", hold(painful, nov(3), 61).replace("\"pain\":1", "\"pain\":11")),
                entry("hold", hold(early, "2026-10-30T10:00:00+01:00", 61)),
                entry("hold", hold(repeated, nov(4), 30)),
                entry("hold", hold(repeated, nov(4), 30)),
                entry("hold", hold(conflicting, nov(4), 40)),
                entry("hold", hold(conflicting, nov(4), 41)),
                entry("stretch", hold(unknownType, nov(4), 41)),
                entry("setback", setback(fall, nov(5), "mild", "\"stiffness\""))) + "]}");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode results = reply.json().path("results");
        assertThat(results).hasSize(9);
        assertSyncResult(results.get(0), good, 201);
        assertThat(results.get(0).path("version").asLong()).isEqualTo(3);
        assertThat(results.get(0).path("milestonesReached").toString()).isEqualTo("[\"hold-60s\"]");
        assertSyncResult(results.get(1), painful, 400);
        assertThat(results.get(1).path("code").asText()).isEqualTo("invalid-request");
        assertThat(results.get(1).path("errors").get(0).path("field").asText()).isEqualTo("pain");
        assertSyncResult(results.get(2), early, 400);
        assertThat(results.get(2).path("errors").get(0).path("field").asText()).isEqualTo("occurredAt");
        assertSyncResult(results.get(3), repeated, 201);
        assertSyncResult(results.get(4), repeated, 200);
        assertThat(results.get(4).path("duplicate").asBoolean()).isTrue();
        assertThat(results.get(4).path("version")).isEqualTo(results.get(3).path("version"));
        assertSyncResult(results.get(5), conflicting, 201);
        assertSyncResult(results.get(6), conflicting, 409);
        assertThat(results.get(6).path("code").asText()).isEqualTo("event-id-conflict");
        assertSyncResult(results.get(7), unknownType, 400);
        assertSyncResult(results.get(8), fall, 201);
        assertThat(results.get(8).path("consequences").toString()).isEqualTo("[\"eligibility-reset\"]");
    }

    @Test
    void aSyncSentTwiceIsRecordedOnce() {
        String body = "{\"entries\":[" + entry("hold", hold(id(), nov(3), 61)) + ","
                + entry("hold", hold(id(), nov(4), 95)) + "]}";
        Reply first = http.post(path, body);
        Reply again = http.post(path, body);
        for (int i = 0; i < 2; i++) {
            assertThat(again.json().path("results").get(i).path("status").asInt()).isEqualTo(200);
            assertThat(again.json().path("results").get(i).path("version"))
                    .isEqualTo(first.json().path("results").get(i).path("version"));
        }
    }

    @Test
    void moreThan1000EntriesAreRefused() {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            entries.append(i == 0 ? "" : ",").append("{\"type\":\"hold\"}");
        }
        Reply reply = http.post(path, "{\"entries\":[" + entries + "]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invalid-request");
    }

    @Test
    void aSyncWithoutEntriesIsInvalid() {
        Reply reply = http.post(path, "{\"items\":[]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("entries");
    }
}
