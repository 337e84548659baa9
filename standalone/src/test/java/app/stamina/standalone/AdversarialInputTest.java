package app.stamina.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random and adversarial requests at every endpoint: mangled bodies (fields dropped, types swapped,
 * huge and negative numbers, deep nesting, garbage bytes), odd headers, hostile ids and query strings, wrong and
 * broken tokens. Each answer must be below 500 (but the 503 of a read waiting for a {@code minVersion} not reached),
 * a refused write must store nothing, and the process stays healthy.
 * Seeded, so a failure names the request and can be replayed ({@code -Dstamina.fuzz.seed=...}).
 */
class AdversarialInputTest {

    private static final long SEED = Long.getLong("stamina.fuzz.seed", 20261125L);
    private static final int REQUESTS = Integer.getInteger("stamina.fuzz.requests", 3000);
    private static final String ATHLETE = "fuzz-ada";

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext app;
    private static StandaloneHttp http;
    private static JdbcTemplate jdbc;
    private static List<String> tokens;

    @BeforeAll
    static void start() throws Exception {
        app = StaminaStandalone.application().run("--server.port=0", "--stamina.data-dir=" + dataDir,
                "--stamina.security.write-rate.enabled=false", "--stamina.query.catch-up-wait=100ms");
        http = new StandaloneHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        jdbc = app.getBean(JdbcTemplate.class);
        assertThat(http.post("/api/v1/athletes/" + ATHLETE + "/enrollment", StandaloneHttp.enrollment()).status()).isEqualTo(201);
        tokens = List.of(http.token(), http.tokenFor("nurse-fuzz", "clinician"), http.tokenFor(ATHLETE, "athlete"),
                http.tokenFor("dr-fuzz", "researcher"), "garbage", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void noRequestIsAnsweredWithA5xxOrStoresAnythingWhenRefused() throws Exception {
        Random random = new Random(SEED);
        int refused = 0;
        for (int i = 0; i < REQUESTS; i++) {
            Request request = Request.random(random);
            long before = storedEvents();
            int status = send(request);
            String what = "request " + i + " of seed " + SEED + ": " + request;
            if (status == 503) {
                assertThat(request.path()).as("only a read waiting for a minVersion may be 503; " + what).contains("minVersion=");
                continue;
            }
            assertThat(status).as(what).isBetween(200, 499);
            if (status >= 400) {
                refused++;
                assertThat(storedEvents()).as("a refused write stored nothing; " + what).isEqualTo(before);
            }
        }
        assertThat(refused).as("most random requests are refused").isGreaterThan(REQUESTS / 2);
        assertThat(http.send(HttpRequest.newBuilder(http.uri("/actuator/health")).GET()).text()).contains("UP");
    }

    private static long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class);
    }

    private static int send(Request request) throws Exception {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(http.uri("").toString() + request.path()))
                    .timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException notAUri) {
            return 400;
        }
        if (!request.token().isEmpty()) {
            builder.header("Authorization", "Bearer " + request.token());
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        HttpResponse<InputStream> response = http.client().sendAsync(builder.build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(30, TimeUnit.SECONDS);
        response.body().close();
        return response.statusCode();
    }

    record Request(String method, String path, String contentType, byte[] body, String token) {

        private static final String[] WRITES = {"enrollment", "holds", "reps", "working-loads", "load-increases",
            "setbacks", "resume", "sync"};
        private static final String[] READS = {"progress", "stamina-trend", "timeline", "progress/stream"};
        private static final String[] OTHER_GETS = {"/api/v1/cohorts", "/api/v1/cohorts/trends",
            "/api/v1/cohorts/milestones", "/api/v1/exports/cohort-trends", "/api/v1/exports/athlete-weeks",
            "/api/v1/admin/read-models/rebuild", "/actuator/health", "/v3/api-docs", "/"};
        private static final String[] QUERY_KEYS = {"minVersion", "from", "to", "after", "limit", "metric", "groupBy",
            "weeks", "milestone", "format", "x"};
        private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=ISO-8859-1", "*/*", "garbage"};
        private static final String[] FIELDS = {"eventId", "occurredAt", "durationSeconds", "placement", "neutralHeld",
            "pain", "load", "lift", "set", "rep", "inCommand", "beltUsed", "toLoad", "severity", "symptoms", "note",
            "entries", "type", "birthYear", "sex", "condition", "surgery", "injuryDate", "timeZone", "enrolledAt",
            "priorMaxima", "tags", "value", "unit"};

        static Request random(Random random) {
            String token = tokens.get(random.nextInt(tokens.size()));
            int kind = random.nextInt(10);
            if (kind < 6) {
                String path = "/api/v1/athletes/" + athleteId(random) + "/" + WRITES[random.nextInt(WRITES.length)];
                String contentType = random.nextInt(5) == 0 ? CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]
                        : random.nextInt(20) == 0 ? null : "application/json";
                return new Request(random.nextInt(15) == 0 ? "PUT" : "POST", path, contentType, body(random), token);
            }
            String path = kind < 8 ? "/api/v1/athletes/" + athleteId(random) + "/" + READS[random.nextInt(READS.length)]
                    : OTHER_GETS[random.nextInt(OTHER_GETS.length)];
            return new Request(random.nextInt(12) == 0 ? "DELETE" : "GET", path + query(random), null, null, token);
        }

        private static String athleteId(Random random) {
            return switch (random.nextInt(8)) {
                case 0, 1, 2 -> ATHLETE;
                case 3 -> "fuzz-" + random.nextInt(1000);
                case 4 -> "a".repeat(1 + random.nextInt(300));
                case 5 -> URLEncoder.encode(string(random), StandardCharsets.UTF_8);
                case 6 -> List.of("..", "%2e%2e", "%2F", "%00", "ada%20bob", "%E2%80%AE", "null", "_-_").get(random.nextInt(8));
                default -> UUID.randomUUID().toString();
            };
        }

        private static String query(Random random) {
            if (random.nextInt(3) == 0) {
                return "";
            }
            StringBuilder query = new StringBuilder("?");
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                query.append(i == 0 ? "" : "&").append(QUERY_KEYS[random.nextInt(QUERY_KEYS.length)]).append('=')
                        .append(URLEncoder.encode(scalar(random).replace("\"", ""), StandardCharsets.UTF_8));
            }
            return query.toString();
        }

        private static byte[] body(Random random) {
            return switch (random.nextInt(10)) {
                case 0 -> {
                    byte[] garbage = new byte[random.nextInt(2000)];
                    random.nextBytes(garbage);
                    yield garbage;
                }
                case 1 -> null;
                case 2 -> "[".repeat(1 + random.nextInt(5000)).getBytes(StandardCharsets.UTF_8);
                case 3 -> ("{\"entries\":[" + String.join(",", entries(random)) + "]}").getBytes(StandardCharsets.UTF_8);
                default -> object(random, 0).getBytes(StandardCharsets.UTF_8);
            };
        }

        private static List<String> entries(Random random) {
            List<String> entries = new ArrayList<>();
            for (int i = 0, n = random.nextInt(30); i < n; i++) {
                entries.add(random.nextBoolean() ? object(random, 0) : scalar(random));
            }
            return entries;
        }

        /** A JSON object of fields the API knows, and some it does not, with values of any type. */
        private static String object(Random random, int depth) {
            List<String> members = new ArrayList<>();
            for (int i = 0, n = random.nextInt(12); i < n; i++) {
                String name = random.nextInt(8) == 0 ? string(random) : FIELDS[random.nextInt(FIELDS.length)];
                members.add("\"" + name.replace("\\", "").replace("\"", "") + "\":" + value(random, depth + 1));
            }
            return "{" + String.join(",", members) + "}";
        }

        private static String value(Random random, int depth) {
            if (depth > 3 || random.nextInt(4) > 0) {
                return scalar(random);
            }
            return random.nextBoolean() ? object(random, depth) : "[" + scalar(random) + "," + object(random, depth) + "]";
        }

        private static String scalar(Random random) {
            return switch (random.nextInt(14)) {
                case 0 -> "null";
                case 1 -> "true";
                case 2 -> String.valueOf(random.nextLong());
                case 3 -> "1e308";
                case 4 -> "-0.0000001";
                case 5 -> "99999999999999999999999999999999";
                case 6 -> "\"" + UUID.randomUUID() + "\"";
                case 7 -> "\"2026-11-0" + (1 + random.nextInt(9)) + "T18:00:00+01:00\"";
                case 8 -> "\"9999-12-31T23:59:59Z\"";
                case 9 -> "\"kg\"";
                case 10 -> String.valueOf(random.nextInt(400) - 50);
                case 11 -> "\"" + List.of("none", "left", "right", "symmetric", "mild", "severe", "deadlift", "lb",
                        "herniated-disc", "female", "stiffness", "Europe/Amsterdam", "Mars/Olympus").get(random.nextInt(13)) + "\"";
                default -> "\"" + string(random).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            };
        }

        private static String string(Random random) {
            StringBuilder text = new StringBuilder();
            for (int i = 0, n = random.nextInt(40); i < n; i++) {
                text.appendCodePoint(switch (random.nextInt(4)) {
                    case 0 -> 0x20 + random.nextInt(0x5f);
                    case 1 -> 0x80 + random.nextInt(0x700);
                    case 2 -> 0x1F600 + random.nextInt(0x40);
                    default -> "\u202e\u0000\t\n'<>&%".codePointAt(random.nextInt(9));
                });
            }
            return text.toString();
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + path + " [" + contentType + "] " + (shown.length() > 300 ? shown.substring(0, 300) + "…" : shown);
        }
    }
}
