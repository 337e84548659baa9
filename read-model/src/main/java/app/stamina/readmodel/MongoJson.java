package app.stamina.readmodel;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;

import java.io.IOException;

/**
 * Read models go to MongoDB in the same JSON form as everything else (StaminaJson), as plain documents. The JSON
 * tree is written to BSON node by node, and BSON read back into Jackson's tokens, without JSON text in between.
 */
public class MongoJson {

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
        // A copy of just the document: the buffer grows by doubling, and the query side keeps what it wrote.
        return new RawBsonDocument(buffer.toByteArray());
    }

    /**
     * A stored document as a value, read straight from its BSON into Jackson's tokens: int32 and int64 as whole
     * numbers ({@code 10}, not {@code 10.0}), doubles as fractions, as JSON text would be read. Building the driver's
     * {@code Document} and then a JSON tree from it was three quarters of what an export spent per row.
     */
    public <T> T fromBson(RawBsonDocument stored, Class<T> type) {
        try (BsonBinaryReader reader = new BsonBinaryReader(stored.getByteBuffer().asNIO());
             TokenBuffer tokens = new TokenBuffer(json, false)) {
            copyDocument(reader, tokens);
            return json.readValue(tokens.asParser(json), type);
        } catch (IOException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " could not be read", e);
        }
    }

    private static void copyDocument(BsonReader reader, JsonGenerator out) throws IOException {
        reader.readStartDocument();
        out.writeStartObject();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            out.writeFieldName(reader.readName());
            copyValue(reader, out);
        }
        reader.readEndDocument();
        out.writeEndObject();
    }

    private static void copyValue(BsonReader reader, JsonGenerator out) throws IOException {
        switch (reader.getCurrentBsonType()) {
            case DOCUMENT -> copyDocument(reader, out);
            case ARRAY -> {
                reader.readStartArray();
                out.writeStartArray();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    copyValue(reader, out);
                }
                reader.readEndArray();
                out.writeEndArray();
            }
            case STRING -> out.writeString(reader.readString());
            case INT32 -> out.writeNumber(reader.readInt32());
            case INT64 -> out.writeNumber(reader.readInt64());
            case DOUBLE -> out.writeNumber(reader.readDouble());
            case BOOLEAN -> out.writeBoolean(reader.readBoolean());
            case NULL -> {
                reader.readNull();
                out.writeNull();
            }
            default -> throw new IOException("BSON " + reader.getCurrentBsonType() + " is not part of a read model");
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
}
