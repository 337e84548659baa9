package app.stamina.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.BsonBinaryWriter;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.io.BasicOutputBuffer;

import java.util.List;
import java.util.Map;

/**
 * Read models go to MongoDB in the same JSON form as everything else (StaminaJson), as plain documents. The JSON
 * tree is written to BSON node by node (and a document read back to a tree), without JSON text in between.
 */
public class MongoJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DocumentCodec DOCUMENTS = new DocumentCodec();

    private final ObjectMapper json;

    public MongoJson(ObjectMapper json) {
        this.json = json;
    }

    /**
     * {@code value} as the BSON bytes MongoDB stores, written from its JSON tree in one pass: building a
     * {@code Document} first, which the driver then encodes value by value through its codec registry, was a fifth of
     * each projection's CPU.
     */
    public RawBsonDocument toBson(Object value) {
        JsonNode tree = json.valueToTree(value);
        if (!tree.isObject()) {
            throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " is not a JSON object");
        }
        BasicOutputBuffer buffer = new BasicOutputBuffer(1024);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            write(writer, tree);
        }
        return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
    }

    /** A document as the driver would read it from MongoDB (numbers as stored: {@code 10}, not {@code 10.0}). */
    public static Document asDocument(RawBsonDocument stored) {
        return stored.decode(DOCUMENTS);
    }

    public <T> T fromDocument(Document document, Class<T> type) {
        try {
            return json.treeToValue(toJson(document), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " could not be read", e);
        }
    }

    private static void write(BsonWriter writer, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                writer.writeStartDocument();
                node.properties().forEach(field -> {
                    writer.writeName(field.getKey());
                    write(writer, field.getValue());
                });
                writer.writeEndDocument();
            }
            case ARRAY -> {
                writer.writeStartArray();
                node.forEach(element -> write(writer, element));
                writer.writeEndArray();
            }
            case NUMBER -> {
                if (!integral(node)) {
                    writer.writeDouble(node.doubleValue());
                } else if (node.canConvertToInt()) {
                    writer.writeInt32(node.intValue());
                } else {
                    writer.writeInt64(node.longValue());
                }
            }
            case BOOLEAN -> writer.writeBoolean(node.booleanValue());
            case NULL, MISSING -> writer.writeNull();
            default -> writer.writeString(node.asText());
        }
    }

    /** As JSON text would be read back: a number written without a fraction (a decimal of scale 0 too) is whole. */
    private static boolean integral(JsonNode number) {
        boolean whole = number.isIntegralNumber() || number.isBigDecimal() && number.decimalValue().scale() == 0;
        return whole && number.canConvertToLong();
    }

    private static JsonNode toJson(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case Map<?, ?> map -> {
                ObjectNode object = NODES.objectNode();
                map.forEach((key, field) -> object.set(key.toString(), toJson(field)));
                yield object;
            }
            case List<?> list -> {
                ArrayNode array = NODES.arrayNode(list.size());
                list.forEach(element -> array.add(toJson(element)));
                yield array;
            }
            case String text -> NODES.textNode(text);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            case Boolean flag -> NODES.booleanNode(flag);
            default -> NODES.textNode(value.toString());
        };
    }
}
