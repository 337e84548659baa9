package app.stamina.command.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every client {@code eventId} ever answered, with its fingerprint and first answer, in PostgreSQL next to the
 * events: a retry of any age, before or after a restart, gets the first answer again. Rows for accepted writes are
 * inserted in the same transaction as the events they produced, so one never exists without the other.
 */
@Repository
public class ClientWriteLedger {

    public static final String TABLE = "client_write";
    public static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS client_write (
                event_id    UUID PRIMARY KEY,
                athlete_id  VARCHAR(64) NOT NULL,
                fingerprint CHAR(64) NOT NULL,
                status      SMALLINT NOT NULL,
                answer      TEXT NOT NULL,
                recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper json;

    public ClientWriteLedger(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
    }

    public Optional<PriorWrite> find(UUID eventId) {
        return Optional.ofNullable(findAll(List.of(eventId)).get(eventId));
    }

    public Map<UUID, PriorWrite> findAll(Collection<UUID> eventIds) {
        Map<UUID, PriorWrite> found = new HashMap<>();
        if (eventIds.isEmpty()) {
            return found;
        }
        named.query("SELECT event_id, fingerprint, status, answer FROM client_write WHERE event_id IN (:ids)",
                new MapSqlParameterSource("ids", eventIds),
                row -> {
                    found.put(row.getObject("event_id", UUID.class), new PriorWrite(
                            new Fingerprint(row.getString("fingerprint")), row.getInt("status"),
                            parse(row.getString("answer"))));
                });
        return found;
    }

    /**
     * Records first answers in the caller's transaction. A concurrent write of the same {@code eventId} makes this
     * fail with a duplicate key, which rolls back the events too; the caller then answers from the ledger.
     */
    public void record(String athleteId, List<Entry> entries) {
        jdbc.batchUpdate("INSERT INTO client_write (event_id, athlete_id, fingerprint, status, answer) VALUES (?, ?, ?, ?, ?)",
                entries, entries.size(), (statement, entry) -> {
                    statement.setObject(1, entry.eventId());
                    statement.setString(2, athleteId);
                    statement.setString(3, entry.fingerprint().value());
                    statement.setInt(4, entry.status());
                    statement.setString(5, write(entry.answer()));
                });
    }

    /** Records a refusal, for which nothing else is stored; the first of two concurrent ones wins. */
    public void recordRefusal(String athleteId, Entry entry) {
        jdbc.update("INSERT INTO client_write (event_id, athlete_id, fingerprint, status, answer) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (event_id) DO NOTHING",
                entry.eventId(), athleteId, entry.fingerprint().value(), entry.status(), write(entry.answer()));
    }

    private ObjectNode parse(String answer) {
        try {
            return (ObjectNode) json.readTree(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the ledger holds an answer that is not JSON", e);
        }
    }

    private String write(ObjectNode answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
    }

    public record Entry(UUID eventId, Fingerprint fingerprint, int status, ObjectNode answer) {
    }
}
