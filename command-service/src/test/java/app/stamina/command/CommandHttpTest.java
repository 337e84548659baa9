package app.stamina.command;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test through HTTP of the running command service, on the real servers of {@link CommandServiceTestApp}. A test
 * that needs other settings declares {@code @SpringBootTest} again with its properties.
 */
@SpringBootTest(classes = CommandServiceTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CommandHttpTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        CommandServiceTestApp.useServers(registry);
    }

    /** Events the store holds for one athlete. */
    protected long storedEvents(String athleteId) {
        return jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class,
                athleteId);
    }

    /** Events the store holds for everyone. */
    protected long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class);
    }
}
