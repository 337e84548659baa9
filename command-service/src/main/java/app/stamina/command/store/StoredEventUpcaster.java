package app.stamina.command.store;

import app.stamina.api.event.EventRevisions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Brings events stored in an older revision to their current form as they are read from the event store (loading
 * a program, relaying to the topic), with the same upcasting the read sides apply to old envelopes
 * ({@link EventRevisions}). The rows themselves are never rewritten.
 */
@Component
public class StoredEventUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation stored) {
        return EventRevisions.isOlder(simpleName(stored), stored.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation stored) {
        String type = simpleName(stored);
        return stored.upcastPayload(
                new SimpleSerializedType(stored.getType().getName(), EventRevisions.currentRevision(type)),
                JsonNode.class, payload -> EventRevisions.upcast(type, (ObjectNode) payload));
    }

    private static String simpleName(IntermediateEventRepresentation stored) {
        String name = stored.getType().getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
