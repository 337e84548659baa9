package app.stamina.command.http;

import app.stamina.command.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A client of the running app over real HTTP, as a phone would be. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    /** A client acting as an admin. */
    Http(int port) {
        this(port, TestTokens.admin());
    }

    /** A client with this bearer token, or none when it is null. */
    Http(int port, String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = MissingNode.getInstance();
            }
            return new Reply(response.statusCode(), json, response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    record Reply(int status, JsonNode json, String contentType, String text) {

        String code() {
            return json.path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
