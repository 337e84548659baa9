package app.stamina.command.http;

import app.stamina.command.CommandHttpTest;
import app.stamina.command.CommandServiceTestApp;
import app.stamina.command.TestTokens;
import app.stamina.command.http.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.ArrayList;
import java.util.List;

import static app.stamina.command.http.Bodies.enrollment;
import static app.stamina.command.http.Bodies.hold;
import static app.stamina.command.http.Bodies.id;
import static app.stamina.command.http.Bodies.nov;
import static org.assertj.core.api.Assertions.assertThat;

/** A subject writing faster than its budget is told to wait; others are not held up. */
@SpringBootTest(classes = CommandServiceTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"stamina.security.write-rate.per-second=1", "stamina.security.write-rate.burst=3"})
class WriteRateLimitTest extends CommandHttpTest {
    @Test
    void writesPastTheBudgetAreTooManyRequestsWithRetryAfter() {
        Http admin = new Http(port, TestTokens.token("busy-admin", "admin"));
        List<Reply> replies = new ArrayList<>();
        replies.add(admin.post("/api/v1/athletes/rate-ada/enrollment", enrollment(id())));
        for (int i = 0; i < 5; i++) {
            replies.add(admin.post("/api/v1/athletes/rate-ada/holds", hold(id(), nov(3), 30 + i)));
        }
        assertThat(replies.subList(0, 3)).allMatch(r -> r.status() == 201);
        Reply limited = replies.getLast();
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("too-many-requests");
        assertThat(limited.contentType()).startsWith("application/problem+json");

        Http athlete = new Http(port, TestTokens.token("rate-ada", "athlete"));
        assertThat(athlete.post("/api/v1/athletes/rate-ada/holds", hold(id(), nov(4), 40)).status())
                .as("another subject has a budget of its own").isEqualTo(201);
    }

    @Test
    void readsAreNotLimited() {
        Http reader = new Http(port, TestTokens.token("reader", "admin"));
        for (int i = 0; i < 10; i++) {
            assertThat(reader.send(java.net.http.HttpRequest.newBuilder(reader.uri("/actuator/health")).GET()).status())
                    .isEqualTo(200);
        }
    }
}
