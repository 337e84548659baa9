package app.stamina.api.event;

import app.stamina.api.Symptom;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.Map;

/**
 * Events whose JSON changed, their current revision, and how an older form becomes the current one. The same
 * upcasting serves the event store (rows whose {@code payloadRevision} is older, through the command service's Axon
 * upcaster) and the topic (envelopes published before the change, when read models are rebuilt from it).
 *
 * <ul>
 *     <li>{@code SetbackReported} revision 2 records {@code redFlagged}: whether the setback had red-flag symptoms by
 *     the list in force when it was reported, since that list may change. Revision 1 (no revision) lacked it;
 *     it is worked out from the symptoms with today's list.</li>
 * </ul>
 */
public final class EventRevisions {

    private static final Map<String, String> CURRENT = Map.of("SetbackReported", "2");

    private EventRevisions() {
    }

    /** The current revision of an event type (its simple name), or null for a type that never changed. */
    public static String currentRevision(String type) {
        return CURRENT.get(type);
    }

    /** Whether a payload of {@code type} stored with {@code revision} is older than the current form. */
    public static boolean isOlder(String type, String revision) {
        String current = CURRENT.get(type);
        return current != null && (revision == null || Integer.parseInt(revision) < Integer.parseInt(current));
    }

    /** The payload in its current form: changed in place when older, as it is otherwise. */
    public static ObjectNode upcast(String type, ObjectNode payload) {
        if ("SetbackReported".equals(type) && !payload.has("redFlagged")) {
            boolean redFlagged = false;
            for (JsonNode symptom : payload.path("symptoms")) {
                redFlagged |= Arrays.stream(Symptom.values())
                        .anyMatch(known -> known.code().equals(symptom.asText()) && known.isRedFlag());
            }
            payload.put("redFlagged", redFlagged);
        }
        return payload;
    }
}
