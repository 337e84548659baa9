package app.stamina.standalone;

import app.stamina.standalone.StandaloneHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static app.stamina.standalone.StandaloneHttp.enrollment;
import static app.stamina.standalone.StandaloneHttp.hold;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline in one process, on its real servers: HTTP command, aggregate, PostgreSQL, relay, Kafka,
 * projection, MongoDB, HTTP query.
 */
class PipelineTest {

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext app;
    static StandaloneHttp http;

    @BeforeAll
    static void start() {
        app = StaminaStandalone.application().run("--server.port=0", "--stamina.data-dir=" + dataDir);
        http = new StandaloneHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String enrolled() throws Exception {
        String athlete = "pipe-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/v1/athletes/" + athlete + "/enrollment", enrollment()).status()).isEqualTo(201);
        return athlete;
    }

    private static Reply recordHold(String athlete, String day, int seconds) throws Exception {
        Reply reply = http.post("/api/v1/athletes/" + athlete + "/holds",
                hold(UUID.randomUUID().toString(), "2026-11-" + day + "T18:00:00+01:00", seconds));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply;
    }

    @Test
    void aReadWithTheVersionOfAWriteSeesThatWrite() throws Exception {
        String athlete = enrolled();
        long version = recordHold(athlete, "03", 95).json().path("version").asLong();
        Reply progress = http.get("/api/v1/athletes/" + athlete + "/progress?minVersion=" + version);
        assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
        assertThat(progress.json().path("version").asLong()).isGreaterThanOrEqualTo(version);
        assertThat(progress.json().path("stamina").path("bestHoldSeconds").asInt()).isEqualTo(95);
        assertThat(progress.json().path("stamina").path("milestones").toString()).isEqualTo("[\"hold-60s\",\"hold-90s\"]");
        assertThat(progress.json().path("nextStep").asText()).isNotBlank();
    }

    @Test
    void theStaminaTrendHasARowPerWeekIncludingEmptyOnes() throws Exception {
        String athlete = enrolled();
        recordHold(athlete, "03", 60);
        long version = recordHold(athlete, "17", 80).json().path("version").asLong();
        Reply trend = http.get("/api/v1/athletes/" + athlete + "/stamina-trend?minVersion=" + version);
        assertThat(trend.status()).isEqualTo(200);
        JsonNode weeks = trend.json().path("weeks");
        assertThat(weeks).hasSize(3);
        assertThat(weeks.get(0).path("weekStart").asText()).isEqualTo("2026-11-02");
        assertThat(weeks.get(1).path("sessions").asInt()).isZero();
        assertThat(weeks.get(2).path("bestHoldSeconds").asInt()).isEqualTo(80);
        Reply limited = http.get("/api/v1/athletes/" + athlete + "/stamina-trend?from=2026-11-09&to=2026-11-30");
        assertThat(limited.json().path("weeks")).hasSize(2);
    }

    @Test
    void theTimelineIsPagedOldestFirstWithTheClientsEventIds() throws Exception {
        String athlete = enrolled();
        String first = UUID.randomUUID().toString();
        http.post("/api/v1/athletes/" + athlete + "/holds", hold(first, "2026-11-03T18:00:00+01:00", 30));
        long version = recordHold(athlete, "04", 30).json().path("version").asLong();
        Reply page = http.get("/api/v1/athletes/" + athlete + "/timeline?limit=2&minVersion=" + version);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("events")).hasSize(2);
        assertThat(page.json().path("events").get(0).path("type").asText()).isEqualTo("AthleteEnrolled");
        assertThat(page.json().path("events").get(1).path("eventId").asText()).isEqualTo(first);
        assertThat(page.json().path("events").get(1).path("data").path("durationSeconds").asInt()).isEqualTo(30);
        long next = page.json().path("next").asLong();
        Reply rest = http.get("/api/v1/athletes/" + athlete + "/timeline?after=" + next);
        assertThat(rest.json().path("events")).hasSize(1);
        assertThat(rest.json().path("next").isNull()).isTrue();
    }

    @Test
    void theProgressStreamSendsTheProgressAndEachChange() throws Exception {
        String athlete = enrolled();
        long enrolledVersion = 1;
        http.get("/api/v1/athletes/" + athlete + "/progress?minVersion=" + enrolledVersion);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        var stream = http.client().sendAsync(http.authorized(HttpRequest.newBuilder(http.uri("/api/v1/athletes/" + athlete + "/progress/stream"))
                .header("Accept", "text/event-stream").GET()).build(), HttpResponse.BodyHandlers.ofLines());
        Stream<String> body = stream.get(10, TimeUnit.SECONDS).body();
        Thread reader = Thread.ofVirtual().start(() -> body.forEach(lines::add));
        try {
            assertThat(nextProgress(lines, "\"version\":1")).isNotNull();
            recordHold(athlete, "03", 61);
            // The hold and the milestone it reached may arrive in two batches: each change is sent.
            assertThat(nextProgress(lines, "\"hold-60s\"")).contains("\"bestHoldSeconds\":61");
        } finally {
            body.close();
            reader.interrupt();
        }
    }

    /** The next progress event whose data contains {@code expected}. */
    private static String nextProgress(BlockingQueue<String> lines, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        boolean progressEvent = false;
        while (Instant.now().isBefore(deadline)) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.equals("event:progress")) {
                progressEvent = true;
            } else if (progressEvent && line.startsWith("data:") && line.contains(expected)) {
                return line;
            }
        }
        throw new AssertionError("no progress event with " + expected + " within 15 s");
    }

    @Test
    void aReadAheadOfTheReadModelIsNotCaughtUpWithRetryAfter() throws Exception {
        String athlete = enrolled();
        Reply reply = http.get("/api/v1/athletes/" + athlete + "/progress?minVersion=1000");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().path("code").asText()).isEqualTo("not-caught-up");
        assertThat(reply.response().headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void anUnknownAthleteIsNotFound() throws Exception {
        for (String path : List.of("progress", "stamina-trend", "timeline", "progress/stream")) {
            Reply reply = http.get("/api/v1/athletes/nobody-" + UUID.randomUUID().toString().substring(0, 8) + "/" + path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.json().path("code").asText()).as(path).isEqualTo("athlete-not-found");
        }
    }

    @Test
    void malformedQueryParametersAreInvalidRequests() throws Exception {
        String athlete = enrolled();
        List<String> bad = List.of("progress?minVersion=-1", "progress?minVersion=abc", "timeline?limit=0",
                "timeline?limit=1001", "timeline?after=x", "stamina-trend?from=2026-12-01&to=2026-11-01",
                "stamina-trend?from=yesterday");
        List<String> answers = new ArrayList<>();
        for (String query : bad) {
            Reply reply = http.get("/api/v1/athletes/" + athlete + "/" + query);
            answers.add(query + " -> " + reply.status() + " " + reply.json().path("code").asText());
        }
        assertThat(answers).allMatch(answer -> answer.endsWith("400 invalid-request"), "every answer is 400");
    }

    @Test
    void thePrometheusEndpointShowsThePipelinesMetrics() throws Exception {
        String athlete = enrolled();
        long version = recordHold(athlete, "03", 40).json().path("version").asLong();
        http.get("/api/v1/athletes/" + athlete + "/progress?minVersion=" + version);
        String metrics = http.get("/actuator/prometheus").text();
        assertThat(metrics).contains("stamina_commands_handled_total{", "stamina_events_appended_total{",
                "stamina_events_relayed_total", "stamina_events_projected_total{consumer=\"stamina-query\"}",
                "stamina_projection_lag_events{consumer=\"stamina-query\"}",
                "stamina_projection_lag_seconds{consumer=\"stamina-query\"}");
        assertThat(gauge(metrics, "stamina_query_kept_documents")).as("the athlete just read").isPositive();
        assertThat(gauge(metrics, "stamina_query_kept_bytes")).isPositive();
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(name.length() + 1))).orElseThrow();
    }

    @Test
    void aRebuildFromTheTopicEndsWithTheSameDocuments() throws Exception {
        String athlete = enrolled();
        recordHold(athlete, "03", 95);
        recordHold(athlete, "05", 125);
        long version = recordHold(athlete, "10", 70).json().path("version").asLong();
        String progressBefore = http.get("/api/v1/athletes/" + athlete + "/progress?minVersion=" + version).text();
        String trendBefore = http.get("/api/v1/athletes/" + athlete + "/stamina-trend").text();
        String timelineBefore = http.get("/api/v1/athletes/" + athlete + "/timeline").text();

        Reply started = http.post("/api/v1/admin/read-models/rebuild", "");
        assertThat(started.status()).isEqualTo(202);
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode status = started.json();
        while (!status.path("state").asText().equals("done") && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            status = http.get("/api/v1/admin/read-models/rebuild").json();
        }
        assertThat(status.path("state").asText()).isEqualTo("done");
        assertThat(status.path("projectedEvents").asLong()).isEqualTo(status.path("totalEvents").asLong());

        assertThat(http.get("/api/v1/athletes/" + athlete + "/progress?minVersion=" + version).text()).isEqualTo(progressBefore);
        assertThat(http.get("/api/v1/athletes/" + athlete + "/stamina-trend").text()).isEqualTo(trendBefore);
        assertThat(http.get("/api/v1/athletes/" + athlete + "/timeline").text()).isEqualTo(timelineBefore);
    }
}
