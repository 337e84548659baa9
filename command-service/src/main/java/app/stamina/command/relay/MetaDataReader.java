package app.stamina.command.relay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.axonframework.messaging.MetaData;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an event's metadata (the actor, correlation and trace ids) as Axon's own {@code MetaDataDeserializer} does,
 * a map of field names to values, without what made that one slow: it looks up a map deserializer and
 * contextualises a new one for every event it reads, a sixth of the relay's CPU while it caught up after a sync.
 * String values are taken as they are; any other value is read as Jackson reads an untyped value, as Axon's map does.
 */
public final class MetaDataReader extends StdDeserializer<MetaData> {

    private MetaDataReader() {
        super(MetaData.class);
    }

    /** To be registered after Axon's serializer registered its own module: a later module's deserializers come first. */
    public static SimpleModule module() {
        return new SimpleModule("stamina-metadata-reader").addDeserializer(MetaData.class, new MetaDataReader());
    }

    @Override
    public MetaData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            token = parser.nextToken();
        } else if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
            return (MetaData) context.handleUnexpectedToken(MetaData.class, parser);
        }
        Map<String, Object> values = new HashMap<>();
        for (; token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            values.put(name, value == JsonToken.VALUE_STRING ? parser.getText() : context.readValue(parser, Object.class));
        }
        return MetaData.from(values);
    }
}
