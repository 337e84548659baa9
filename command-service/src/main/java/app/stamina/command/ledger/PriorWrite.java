package app.stamina.command.ledger;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The first answer to a client's {@code eventId}, kept to answer its retries. */
public record PriorWrite(Fingerprint fingerprint, int status, ObjectNode answer) {

    public boolean isSameWriteAs(Fingerprint other) {
        return fingerprint.equals(other);
    }
}
