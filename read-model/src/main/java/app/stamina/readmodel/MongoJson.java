package app.stamina.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Read models go to MongoDB in the same JSON form as everything else (StaminaJson), as plain documents. The JSON
 * tree is carried over to a document node by node (and back), without writing and parsing JSON text in between.
 */
public class MongoJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper json;

    public MongoJson(ObjectMapper json) {
        this.json = json;
    }

    public Document toDocument(Object value) {
        return (Document) toBson(json.valueToTree(value));
    }

    public <T> T fromDocument(Document document, Class<T> type) {
        try {
            return json.treeToValue(toJson(document), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " could not be read", e);
        }
    }

    private static Object toBson(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Document document = new Document();
                node.properties().forEach(field -> document.put(field.getKey(), toBson(field.getValue())));
                yield document;
            }
            case ARRAY -> {
                List<Object> values = new ArrayList<>(node.size());
                node.forEach(element -> values.add(toBson(element)));
                yield values;
            }
            case NUMBER -> integral(node) ? (node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue())
                    : (Object) node.doubleValue();
            case BOOLEAN -> node.booleanValue();
            case NULL, MISSING -> null;
            default -> node.asText();
        };
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
