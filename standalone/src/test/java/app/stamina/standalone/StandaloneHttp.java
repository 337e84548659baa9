package app.stamina.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A client of a running standalone Stamina, over real HTTP. */
final class StandaloneHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private volatile String token;

    StandaloneHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET()));
    }

    Reply post(String path, String body) throws IOException, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** A write as a well-behaved client makes it: told to slow down (429), it waits {@code Retry-After} and retries. */
    Reply postPolitely(String path, String body) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Reply reply = post(path, body);
            if (reply.status() != 429 || attempt == 30) {
                return reply;
            }
            Thread.sleep(1000L * Long.parseLong(reply.response().headers().firstValue("Retry-After").orElse("1")));
        }
    }

    /** Any request, with this client's admin token. */
    HttpRequest.Builder authorized(HttpRequest.Builder request) throws IOException, InterruptedException {
        return request.header("Authorization", "Bearer " + token());
    }

    /** An admin token from the embedded default's own endpoint, asked for once. */
    String token() throws IOException, InterruptedException {
        if (token == null) {
            token = tokenFor("test-admin", "admin");
        }
        return token;
    }

    String tokenFor(String sub, String... roles) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(java.util.Map.of("sub", sub, "roles", java.util.List.of(roles)));
        Reply reply = send(HttpRequest.newBuilder(uri("/api/v1/dev/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (reply.status() != 200) {
            throw new IllegalStateException("no dev token: " + reply);
        }
        return reply.json().path("token").asText();
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    HttpClient client() {
        return client;
    }

    /** Any request, as it is: with no token unless it was {@link #authorized}. */
    Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
        } catch (IOException notJson) {
            json = MissingNode.getInstance();
        }
        return new Reply(response.statusCode(), json, response.body(), response);
    }

    static String enrollment() {
        return """
                {"eventId":"%s","birthYear":1988,"sex":"female","condition":"herniated-disc","surgery":"none",
                 "injuryDate":"2026-06-01","timeZone":"Europe/Amsterdam","enrolledAt":"2026-11-02T09:00:00+01:00",
                 "priorMaxima":[{"lift":"deadlift","load":{"value":315,"unit":"lb"}}]}""".formatted(UUID.randomUUID());
    }

    static String hold(String eventId, String occurredAt, int seconds) {
        return """
                {"eventId":"%s","occurredAt":"%s","durationSeconds":%d,"placement":"none","neutralHeld":true,"pain":1}"""
                .formatted(eventId, occurredAt, seconds);
    }

    record Reply(int status, JsonNode json, String text, HttpResponse<String> response) {

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
