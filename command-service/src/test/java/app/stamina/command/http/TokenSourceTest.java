package app.stamina.command.http;

import app.stamina.command.CommandHttpTest;
import app.stamina.command.TestTokens;
import app.stamina.command.http.Http.Reply;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside the embedded default, there is no endpoint that hands out tokens. */
class TokenSourceTest extends CommandHttpTest {
    @Test
    void theDevTokenEndpointDoesNotExistHere() {
        Http anonymous = new Http(port, null);
        Reply reply = anonymous.send(HttpRequest.newBuilder(anonymous.uri("/api/v1/dev/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"x\",\"roles\":[\"admin\"]}")));
        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void healthIsOpenAndMetricsAreForAdmins() {
        Http anonymous = new Http(port, null);
        assertThat(anonymous.send(HttpRequest.newBuilder(anonymous.uri("/actuator/health")).GET()).status()).isEqualTo(200);
        assertThat(anonymous.send(HttpRequest.newBuilder(anonymous.uri("/actuator/prometheus")).GET()).status()).isEqualTo(401);
        Http athlete = new Http(port, TestTokens.token("ada", "athlete"));
        assertThat(athlete.send(HttpRequest.newBuilder(athlete.uri("/actuator/prometheus")).GET()).status()).isEqualTo(403);
    }
}
