package app.stamina.command;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The command service as its main runs it, on a real PostgreSQL started once for the test JVM. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CommandServiceConfiguration.class)
public class CommandServiceTestApp {

    private static EmbeddedPostgres postgres;

    public static synchronized void usePostgres(DynamicPropertyRegistry registry) {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    }
}
