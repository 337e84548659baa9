package app.stamina.command.http;

import app.stamina.command.CommandHttpTest;
import app.stamina.command.CommandServiceTestApp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.util.UUID;

import static app.stamina.command.http.Bodies.enrollment;
import static app.stamina.command.http.Bodies.hold;
import static app.stamina.command.http.Bodies.id;
import static app.stamina.command.http.Bodies.nov;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-service instances on one event store, an athlete's writes reaching either. Each instance keeps the
 * programs it used in memory; one that another instance has written to since is read again, and the write is
 * accepted on top of everything stored.
 */
class TwoInstancesTest extends CommandHttpTest {

    @Autowired
    Environment environment;

    @Test
    void aProgramCachedByOneInstanceAndWrittenByTheOtherTakesTheNextWriteOnTop() {
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(CommandServiceTestApp.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                "--stamina.security.jwt.hmac-key-file=" + environment.getProperty("stamina.security.jwt.hmac-key-file"))) {
            Http first = new Http(port);
            Http second = new Http(((WebServerApplicationContext) other).getWebServer().getPort());
            String athlete = "two-instances-" + UUID.randomUUID().toString().substring(0, 8);
            String holds = "/api/v1/athletes/" + athlete + "/holds";
            assertThat(first.post("/api/v1/athletes/" + athlete + "/enrollment", enrollment(id())).status()).isEqualTo(201);
            long cached = first.post(holds, hold(id(), nov(3), 45)).json().path("version").asLong();

            for (int i = 0; i < 3; i++) {
                Http.Reply onTheOther = second.post(holds, hold(id(), nov(4 + i), 45));
                assertThat(onTheOther.status()).isEqualTo(201);
                assertThat(onTheOther.json().path("version").asLong()).isEqualTo(cached + 1 + i);
            }

            Http.Reply behind = first.post(holds, hold(id(), nov(8), 45));
            assertThat(behind.status()).isEqualTo(201);
            assertThat(behind.json().path("version").asLong()).isEqualTo(cached + 4);
            assertThat(storedEvents(athlete)).isEqualTo(6);
            Http.Reply again = second.post(holds, hold(id(), nov(9), 45));
            assertThat(again.json().path("version").asLong()).isEqualTo(cached + 5);
        }
    }
}
