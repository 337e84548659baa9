package app.stamina.command.http;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

final class JsonAssertions {

    private JsonAssertions() {
    }

    static void assertSyncResult(JsonNode result, String eventId, int status) {
        assertThat(result.path("eventId").asText()).as("eventId of " + result).isEqualTo(eventId);
        assertThat(result.path("status").asInt()).as("status of " + result).isEqualTo(status);
    }
}
