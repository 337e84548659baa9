package app.stamina.readmodel;

import app.stamina.api.StaminaJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoJsonTest {

    private final MongoJson mongoJson = new MongoJson(StaminaJson.mapper());

    record Week(int week, BigDecimal kg, Double seconds, List<String> tags) {
    }

    record Sample(String _id, long version, int small, long large, BigDecimal whole, BigDecimal fraction, double ratio,
                  boolean flag, String none, OffsetDateTime at, List<Week> weeks, Map<String, Object> extra) {
    }

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

    @Test
    void onlyAnObjectIsADocument() {
        assertThatThrownBy(() -> mongoJson.toBson(List.of(1, 2))).isInstanceOf(IllegalArgumentException.class);
    }
}
