package app.stamina.command.relay;

import app.stamina.api.envelope.Actor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.axonframework.messaging.MetaData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Who caused a stored event, read straight from its stored metadata: the two fields of {@link ActorMetaData} as the
 * parser passes them, the rest skipped. Reading the whole metadata into Axon's {@link MetaData} for them (an object
 * reader, a map, then a copy of it) was an eighth of the relay's samples while it caught up after a sync. A value
 * that is not a string or null is rare enough to be read from the whole metadata as before ({@link #of}).
 */
final class StoredActor {

    private StoredActor() {
    }

    static Actor read(byte[] metaData, JsonFactory json, Supplier<MetaData> deserialized) {
        String sub = null;
        String role = null;
        try (JsonParser parser = json.createParser(metaData)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return of(deserialized.get());
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                boolean actorField = ActorMetaData.SUB.equals(name) || ActorMetaData.ROLE.equals(name);
                if (!actorField) {
                    parser.skipChildren();
                } else if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                    return of(deserialized.get());
                } else if (ActorMetaData.SUB.equals(name)) {
                    sub = parser.getValueAsString();
                } else {
                    role = parser.getValueAsString();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an event's stored metadata could not be read", e);
        }
        return sub == null ? null : new Actor(sub, role);
    }

    /** Who caused an event, from its whole metadata, as the relay has always read it. */
    static Actor of(MetaData metaData) {
        Object sub = metaData.get(ActorMetaData.SUB);
        Object role = metaData.get(ActorMetaData.ROLE);
        return sub == null ? null : new Actor(sub.toString(), role == null ? null : role.toString());
    }
}
