package app.stamina.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded default keeps everything under its data directory: a restart forgets nothing. */
class RestartTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @TempDir
    Path dataDir;

    @Test
    void aRetryAfterARestartAnswersTheFirstResultAndTheStreamGoesOn() throws Exception {
        String athlete = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        String hold = hold(UUID.randomUUID());
        String firstAnswer;
        HttpResponse<Stream<String>> stream;
        try (ConfigurableApplicationContext app = start()) {
            int port = port(app);
            assertThat(get(port, "/actuator/health")).contains("\"UP\"");
            StandaloneHttp admin = new StandaloneHttp(port);
            token = admin.token();
            HttpResponse<String> enrolled = post(port, "/api/v1/athletes/" + athlete + "/enrollment", """
                    {"eventId":"%s","birthYear":1988,"sex":"female","condition":"strain","surgery":"none",
                     "injuryDate":"2026-06-01","timeZone":"Europe/Amsterdam","enrolledAt":"2026-11-02T09:00:00+01:00"}"""
                    .formatted(UUID.randomUUID()));
            assertThat(enrolled.statusCode()).isEqualTo(201);
            HttpResponse<String> first = post(port, "/api/v1/athletes/" + athlete + "/holds", hold);
            assertThat(first.statusCode()).isEqualTo(201);
            firstAnswer = first.body();
            assertThat(admin.get("/api/v1/athletes/" + athlete + "/progress?minVersion=2").status()).isEqualTo(200);
            stream = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/athletes/"
                            + athlete + "/progress/stream")).header("Authorization", "Bearer " + token)
                            .header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.statusCode()).isEqualTo(200);
        }
        // Stopping ended the open stream properly (its last chunk sent), not by giving up on it after a timeout.
        assertThatCode(() -> stream.body().forEach(line -> { })).doesNotThrowAnyException();
        try (ConfigurableApplicationContext app = start()) {
            int port = port(app);
            // The token from before the restart: the key stays in the data directory.
            HttpResponse<String> retry = post(port, "/api/v1/athletes/" + athlete + "/holds", hold);
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(firstAnswer.replace("\"duplicate\":false", "\"duplicate\":true"));
            HttpResponse<String> next = post(port, "/api/v1/athletes/" + athlete + "/holds", hold(UUID.randomUUID()));
            assertThat(next.statusCode()).isEqualTo(201);
            assertThat(next.body()).contains("\"version\":5");
        }
    }

    /**
     * The servers start side by side; when one of them cannot, the others are stopped again rather than left
     * running: no PostgreSQL left holding the data directory, no broker left on its port.
     */
    @Test
    void aServerThatCannotStartStopsTheOthers() throws Exception {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("mongo"), "a file where the MongoDB server's directory belongs");

        assertThatThrownBy(this::start).hasMessageContaining("MongoDB-protocol server");

        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
        Properties kafkaPorts = new Properties();
        try (Reader in = Files.newBufferedReader(dataDir.resolve("kafka/ports.properties"))) {
            kafkaPorts.load(in);
        }
        try (ServerSocket free = new ServerSocket(Integer.parseInt(kafkaPorts.getProperty("broker")), 1,
                InetAddress.getLoopbackAddress())) {
            assertThat(free.isBound()).isTrue();
        }
    }

    private static String hold(UUID eventId) {
        return """
                {"eventId":"%s","occurredAt":"2026-11-03T18:00:00+01:00","durationSeconds":95,
                 "placement":"none","neutralHeld":true,"pain":1}""".formatted(eventId);
    }

    private ConfigurableApplicationContext start() {
        SpringApplication app = StaminaStandalone.application();
        return app.run("--server.port=0", "--stamina.data-dir=" + dataDir);
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private String get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> post(int port, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
