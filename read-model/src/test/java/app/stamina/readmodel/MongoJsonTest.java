package app.stamina.readmodel;

import app.stamina.api.StaminaJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoJsonTest {

    private final MongoJson mongoJson = new MongoJson(JSON);

    record Week(int week, BigDecimal kg, Double seconds, List<String> tags) {
    }

    record Sample(String _id, long version, int small, long large, BigDecimal whole, BigDecimal fraction, double ratio,
                  boolean flag, String none, OffsetDateTime at, List<Week> weeks, Map<String, Object> extra) {
    }

    private static final ObjectMapper JSON = StaminaJson.mapper();

    private static Sample sample() {
        return new Sample("ada", 3, 7, 12_345_678_901L, new BigDecimal("10"), new BigDecimal("61.23496995"), 0.25, true,
                null, OffsetDateTime.parse("2026-11-03T18:00:00+01:00"),
                List.of(new Week(0, new BigDecimal("8"), 61.5, List.of("arm:B")), new Week(1, null, null, List.of())),
                Map.of("nested", Map.of("list", Arrays.asList(1, "two", null))));
    }

    @Test
    void aValueIsWrittenAsBsonOfTheTypesMongoDbKeepsForItsJson() {
        RawBsonDocument stored = mongoJson.toBson(sample());

        assertThat(stored.keySet()).containsExactly("_id", "version", "small", "large", "whole", "fraction", "ratio",
                "flag", "none", "at", "weeks", "extra");
        assertThat(stored.get("_id").asString().getValue()).isEqualTo("ada");
        assertThat(stored.get("version").getBsonType()).isEqualTo(BsonType.INT32);
        assertThat(stored.get("large").getBsonType()).isEqualTo(BsonType.INT64);
        assertThat(stored.get("whole").asNumber().doubleValue()).isEqualTo(10.0);
        assertThat(stored.get("fraction").asDouble().getValue()).isEqualTo(61.23496995);
        assertThat(stored.get("flag").asBoolean().getValue()).isTrue();
        assertThat(stored.get("none").isNull()).isTrue();
        assertThat(stored.get("at").asString().getValue()).isEqualTo("2026-11-03T18:00:00+01:00");
        BsonDocument firstWeek = stored.getArray("weeks").get(0).asDocument();
        assertThat(firstWeek.get("seconds").asDouble().getValue()).isEqualTo(61.5);
        assertThat(firstWeek.getArray("tags").get(0).asString().getValue()).isEqualTo("arm:B");
        assertThat(stored.getDocument("extra").getDocument("nested").getArray("list").get(2).isNull()).isTrue();
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameValue() {
        RawBsonDocument stored = mongoJson.toBson(sample());

        Sample read = mongoJson.fromBson(stored, Sample.class);
        assertThat(read).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(sample());
        assertThat(mongoJson.fromBson(mongoJson.toBson(read), Sample.class))
                .as("a value read back is written and read again unchanged").isEqualTo(read);
    }

    /** Whole numbers stay whole ({@code 7}, not {@code 7.0}) wherever a read model keeps JSON as it came. */
    @Test
    void wholeNumbersReadBackWhole() {
        record Loose(String _id, JsonNode payload) {
        }
        JsonNode payload = StaminaJson.mapper().createObjectNode().put("small", 7).put("large", 12_345_678_901L)
                .put("fraction", 61.5).put("text", "arm:B");
        JsonNode read = mongoJson.fromBson(mongoJson.toBson(new Loose("ada", payload)), Loose.class).payload();
        assertThat(read.toString()).isEqualTo("{\"small\":7,\"large\":12345678901,\"fraction\":61.5,\"text\":\"arm:B\"}");
    }

    @Test
    void aDocumentWithBsonThatNoReadModelWritesIsRefused() {
        RawBsonDocument foreign = RawBsonDocument.parse("{\"_id\": \"ada\", \"when\": {\"$date\": \"2026-11-03T17:00:00Z\"}}");
        record Loose(String _id, String when) {
        }
        assertThatThrownBy(() -> mongoJson.fromBson(foreign, Loose.class)).isInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("BSON DATE_TIME is not part of a read model");
    }

    /**
     * Documents written before are read and compared by what they hold: a value is written as it was when it went
     * through its JSON tree, number types too ({@link #asWrittenBefore}), for typed numbers of every kind, trees, and
     * an envelope's payload kept as the text it came in.
     */
    @Test
    void aValueIsWrittenAsItWasThroughItsJsonTree() throws Exception {
        record Entry(String _id, Object value, JsonNode data) {
        }
        Random random = new Random(20261205);
        for (int i = 0; i < 5_000; i++) {
            Object value = javaValue(random, 0);
            String text = jsonText(random, 0);
            JsonNode asTree = JSON.readTree(text);
            JsonNode asRaw = JSON.getNodeFactory().rawValueNode(new RawValue(text));
            assertThat(mongoJson.toBson(new Entry("ada", value, asRaw)).getByteBuffer().array())
                    .as("%s and %s", value, text)
                    .isEqualTo(asWrittenBefore(new Entry("ada", value, asTree)))
                    .isEqualTo(mongoJson.toBson(new Entry("ada", value, asTree)).getByteBuffer().array());
        }
    }

    @Test
    void onlyAnObjectIsADocument() {
        assertThatThrownBy(() -> mongoJson.toBson(List.of(1, 2))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Object javaValue(Random random, int depth) {
        return switch (random.nextInt(depth < 3 ? 14 : 12)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> random.nextLong();
            case 4 -> random.nextInt(2000) - 1000L;
            case 5 -> new BigInteger(random.nextInt(100) + 1, random);
            case 6 -> new BigDecimal(new BigInteger(random.nextInt(80) + 1, random), random.nextInt(30) - 10);
            case 7 -> BigDecimal.valueOf(random.nextInt(1000)).setScale(random.nextInt(4));
            case 8 -> random.nextBoolean() ? random.nextDouble() * 1000 : (double) random.nextInt(100);
            case 9 -> switch (random.nextInt(4)) {
                case 0 -> Double.NaN;
                case 1 -> Double.NEGATIVE_INFINITY;
                case 2 -> -0.0;
                default -> (float) random.nextInt(1000) / 8;
            };
            case 10 -> "text " + random.nextInt(100);
            case 11 -> OffsetDateTime.parse("2026-11-03T18:00:00+01:00").plusSeconds(random.nextInt(100_000));
            case 12 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(javaValue(random, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put("f" + random.nextInt(10), javaValue(random, depth + 1));
                }
                yield map;
            }
        };
    }

    private static String jsonText(Random random, int depth) {
        return switch (random.nextInt(depth == 0 ? 2 : depth < 3 ? 12 : 10)) {
            case 0, 1 -> {
                List<String> fields = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    fields.add("\"k" + i + "\": " + jsonText(random, depth + 1));
                }
                yield "{" + String.join(",", fields) + "}";
            }
            case 2 -> "null";
            case 3 -> String.valueOf(random.nextBoolean());
            case 4 -> String.valueOf(random.nextInt(2000) - 1000);
            case 5 -> String.valueOf(random.nextLong());
            case 6 -> random.nextInt(1000) + "." + "0".repeat(random.nextInt(3)) + random.nextInt(100)
                    + "0".repeat(random.nextInt(3));
            case 7 -> (random.nextBoolean() ? "-" : "") + random.nextInt(100) + "E" + (random.nextInt(40) - 20);
            case 8 -> random.nextBoolean() ? "-0.0" : "123456789012345678901234567890.1200";
            case 9 -> "\"t\\u00e4" + random.nextInt(10) + "\"";
            default -> {
                List<String> elements = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    elements.add(jsonText(random, depth + 1));
                }
                yield "[" + String.join(", ", elements) + "]";
            }
        };
    }

    /** How documents were written up to 2026-12-04: the value's JSON tree, node by node. */
    private static byte[] asWrittenBefore(Object value) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(1024);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writeBefore(writer, JSON.valueToTree(value));
        }
        return buffer.toByteArray();
    }

    private static void writeBefore(BsonWriter writer, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                writer.writeStartDocument();
                node.properties().forEach(field -> {
                    writer.writeName(field.getKey());
                    writeBefore(writer, field.getValue());
                });
                writer.writeEndDocument();
            }
            case ARRAY -> {
                writer.writeStartArray();
                node.forEach(element -> writeBefore(writer, element));
                writer.writeEndArray();
            }
            case NUMBER -> {
                boolean whole = node.isIntegralNumber() || node.isBigDecimal() && node.decimalValue().scale() == 0;
                if (!whole || !node.canConvertToLong()) {
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
}
