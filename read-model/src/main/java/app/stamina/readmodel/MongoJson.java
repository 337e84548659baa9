package app.stamina.readmodel;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.DatatypeFeatures;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Read models go to MongoDB in the same JSON form as everything else (StaminaJson), as plain documents. A value's
 * JSON tokens are written to BSON one by one, and BSON read back into Jackson's tokens, without JSON text or a tree
 * in between.
 */
public class MongoJson {

    private final ObjectMapper json;
    private final boolean floatsAsDecimals;
    private final boolean stripsZeros;

    public MongoJson(ObjectMapper json) {
        this.json = json;
        // What the mapper's tree reader decides for these (JsonNodeDeserializer), read once.
        DatatypeFeatures features = json.getDeserializationConfig().getDatatypeFeatures();
        Boolean decimals = features.getExplicitState(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.floatsAsDecimals = decimals != null ? decimals
                : json.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.stripsZeros = features.isExplicitlySet(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                ? features.isEnabled(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                : json.getNodeFactory().willStripTrailingBigDecimalZeroes();
    }

    /**
     * {@code value} as the BSON bytes MongoDB stores, written in one pass from the tokens its serializers give:
     * building a {@code Document} first, which the driver then encodes value by value through its codec registry, was
     * a fifth of each projection's CPU, and building a JSON tree of the value first ({@code valueToTree}) half of what
     * was left. A raw JSON value in it (an envelope's payload as it came from the topic) is written from its text.
     * Numbers are typed as the value's JSON tree would have them (see {@link #writeNumber}).
     */
    public RawBsonDocument toBson(Object value) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(1024);
        try (TokenBuffer tokens = new TokenBuffer(json, false)) {
            json.writeValue(tokens, value);
            try (JsonParser in = tokens.asParserOnFirstToken();
                 BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
                if (in.currentToken() != JsonToken.START_OBJECT) {
                    String type = value.getClass().getSimpleName();
                    throw new IllegalArgumentException("a " + type + " is not a JSON object");
                }
                write(in, writer);
            }
        } catch (IOException e) {
            throw new IllegalStateException("a " + value.getClass().getSimpleName() + " could not be written", e);
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

    private void write(JsonParser in, BsonWriter out) throws IOException {
        switch (in.currentToken()) {
            case START_OBJECT -> {
                out.writeStartDocument();
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    out.writeName(in.currentName());
                    in.nextToken();
                    write(in, out);
                }
                out.writeEndDocument();
            }
            case START_ARRAY -> {
                out.writeStartArray();
                while (in.nextToken() != JsonToken.END_ARRAY) {
                    write(in, out);
                }
                out.writeEndArray();
            }
            case VALUE_STRING -> out.writeString(in.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> writeNumber(in, out);
            case VALUE_TRUE, VALUE_FALSE -> out.writeBoolean(in.getBooleanValue());
            case VALUE_NULL -> out.writeNull();
            case VALUE_EMBEDDED_OBJECT -> {
                if (!(in.getEmbeddedObject() instanceof RawValue raw) || !(raw.rawValue() instanceof String text)) {
                    throw new IOException("a " + in.getEmbeddedObject() + " is not part of a read model");
                }
                try (JsonParser rawIn = json.createParser(text)) {
                    rawIn.nextToken();
                    write(rawIn, out);
                }
            }
            default -> throw new IOException("unexpected " + in.currentToken());
        }
    }

    /**
     * A number as its JSON tree would hold it, the way the mapper reads a tree (so a stored read model is what it was
     * when values went through {@code valueToTree}): a fraction as a decimal when the mapper reads floats as
     * decimals, its trailing zeros stripped when the mapper's trees strip them; then whatever is whole and fits a
     * long as int32 or int64, anything else as a double, as JSON text would be read back.
     */
    private void writeNumber(JsonParser in, BsonWriter out) throws IOException {
        if (in.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            if (in.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                writeWhole(in.getBigIntegerValue(), out);
            } else {
                writeWhole(in.getLongValue(), out);
            }
            return;
        }
        if (in.getNumberTypeFP() != JsonParser.NumberTypeFP.BIG_DECIMAL && (!floatsAsDecimals || in.isNaN())) {
            out.writeDouble(in.getDoubleValue());
            return;
        }
        BigDecimal decimal = in.getDecimalValue();
        if (stripsZeros) {
            try {
                decimal = decimal.stripTrailingZeros();
            } catch (ArithmeticException e) {
                // As the mapper's trees: a decimal whose scale would overflow is kept as it is.
            }
        }
        if (decimal.scale() == 0) {
            writeWhole(decimal.unscaledValue(), out);
        } else {
            out.writeDouble(decimal.doubleValue());
        }
    }

    /** A whole number that does not fit a long is written as a double, as the tree's {@code canConvertToLong} said. */
    private static void writeWhole(BigInteger whole, BsonWriter out) {
        if (whole.bitLength() <= 63) {
            writeWhole(whole.longValue(), out);
        } else {
            out.writeDouble(whole.doubleValue());
        }
    }

    private static void writeWhole(long whole, BsonWriter out) {
        if (whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE) {
            out.writeInt32((int) whole);
        } else {
            out.writeInt64(whole);
        }
    }
}
