package app.stamina.command;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The command service as its main runs it, on a real PostgreSQL and a real KRaft Kafka broker, both started once
 * in-process for the test JVM, taking tokens signed with {@link TestTokens}' key.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CommandServiceConfiguration.class)
public class CommandServiceTestApp {

    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaKraftBroker kafka;

    public static synchronized void useServers(DynamicPropertyRegistry registry) {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.afterPropertiesSet();
        }
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.kafka.bootstrap-servers", kafka::getBrokersAsString);
        registry.add("stamina.security.jwt.hmac-key-file", TestTokens.KEY_FILE::toString);
    }
}
