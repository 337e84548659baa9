package app.stamina.command.store;

import app.stamina.command.ledger.ClientWriteLedger;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The write side's tables in PostgreSQL, created if missing: Axon's events, snapshots and tracking tokens (its JDBC
 * engine does not create them) and the client-write ledger. The command service creates them at start; a restore
 * creates them before it loads a backup.
 */
public final class EventStoreSchema {

    /** The tables a backup keeps: the events and the first answers to client writes, in this order. */
    public static final String EVENTS = "domainevententry";
    public static final String CLIENT_WRITES = ClientWriteLedger.TABLE;

    private EventStoreSchema() {
    }

    public static void create(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            EventSchema events = new EventSchema();
            PostgresEventTableFactory.INSTANCE.createDomainEventTable(connection, events).execute();
            PostgresEventTableFactory.INSTANCE.createSnapshotEventTable(connection, events).execute();
            PostgresTokenTableFactory.INSTANCE.createTable(connection, new TokenSchema()).execute();
            try (Statement statement = connection.createStatement()) {
                statement.execute(ClientWriteLedger.SCHEMA);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the event store's tables", e);
        }
    }
}
