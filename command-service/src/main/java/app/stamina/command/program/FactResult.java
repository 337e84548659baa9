package app.stamina.command.program;

import java.util.UUID;

/** The answer to one fact of an offline session: recorded with its outcome, or rejected as malformed. */
public sealed interface FactResult {

    record Recorded(Outcome outcome) implements FactResult {
    }

    record Rejected(UUID eventId, String field, String message) implements FactResult {
    }
}
