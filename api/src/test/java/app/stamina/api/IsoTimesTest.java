package app.stamina.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializerBase;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoTimesTest {

    private static final ObjectMapper STAMINA = StaminaJson.mapper();
    /**
     * Jackson's own reading and writing, with every other setting the same, for what each text must read as (or be
     * refused as) and what each instant must be written as.
     */
    private static final ObjectMapper JACKSON = STAMINA.copy().registerModule(new SimpleModule("jackson-times")
            .addDeserializer(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME)
            .addDeserializer(Instant.class, InstantDeserializer.INSTANT)
            .addSerializer(OffsetDateTime.class, OffsetDateTimeSerializer.INSTANCE)
            .addSerializer(Instant.class, InstantSerializer.INSTANCE));

    private static final List<String> TEXTS = List.of(
            "2026-11-03T18:00:00+01:00", "2026-11-03T17:00:00Z", "2026-11-03T17:00:00.5Z",
            "2026-11-03T17:00:00.123456789-05:30", "2026-12-31T23:59:59.000+14:00", "2026-01-01T00:00:00-18:00",
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00Z",
            // other shapes: read by Jackson's deserializer, whatever it makes of them
            "2026-11-03T18:00+01:00", "2026-11-03t18:00:00z", "2026-11-03T18:00:00+01:00:30", "2026-11-03T18:00:00+0100",
            "+12026-11-03T18:00:00Z", "2026-11-03T18:00:00.1234567891Z", "1700000000", "1700000000.5", "",
            // refused
            "2026-02-30T18:00:00Z", "2025-02-29T12:00:00Z", "2026-11-03T24:00:00Z", "2026-11-03T18:60:00Z",
            "2026-11-03T18:00:61Z", "2026-13-03T18:00:00Z", "2026-11-03T18:00:00+19:00", "2026-11-03T18:00:00+01:60",
            "2026-11-03T18:00:00.Z", "2026-11-03T18:00:00", "2026-11-03 18:00:00Z", "2026-11-03T18:00:00+1:00",
            "2026-11-0xT18:00:00Z", "2026-11-03T18:00:00ZZ", "2026-11-03T18:00:00+01:00 ", "later");

    @Test
    void everyTextReadsAsJacksonReadsItOrIsRefusedAsJacksonRefusesIt() {
        for (String text : TEXTS) {
            assertThat(read(STAMINA, text, OffsetDateTime.class)).as(text).isEqualTo(read(JACKSON, text, OffsetDateTime.class));
            assertThat(read(STAMINA, text, Instant.class)).as(text).isEqualTo(read(JACKSON, text, Instant.class));
        }
    }

    @Test
    void randomInstantsInEveryOffsetAndPrecisionReadTheSameAndTakeTheFastPath() {
        Random random = new Random(8);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime time = OffsetDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), precise(random),
                    ZoneOffset.ofTotalSeconds(60 * (random.nextInt(36 * 60 + 1) - 18 * 60)));
            String text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
            if (text.length() > 16 && text.charAt(16) != ':') {
                continue; // ISO leaves out zero seconds (…T18:00+01:00): not a form the fast path reads
            }
            assertThat(IsoTimes.parse(text)).as(text).isEqualTo(time);
            assertThat(read(STAMINA, text, OffsetDateTime.class)).as(text).isEqualTo(read(JACKSON, text, OffsetDateTime.class));
            assertThat(read(STAMINA, text, Instant.class)).as(text).isEqualTo(time.toInstant());
        }
    }

    @Test
    void anInstantInsideAnObjectIsReadTooAndAnUnreadableOneNamesItsField() throws Exception {
        record At(OffsetDateTime occurredAt, Instant recordedAt) {
        }
        At at = STAMINA.readValue("{\"occurredAt\":\"2026-11-03T18:00:00+01:00\",\"recordedAt\":\"2026-11-03T17:00:01.25Z\"}",
                At.class);
        assertThat(at.occurredAt()).isEqualTo(OffsetDateTime.of(2026, 11, 3, 18, 0, 0, 0, ZoneOffset.ofHours(1)));
        assertThat(at.occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(at.recordedAt()).isEqualTo(Instant.parse("2026-11-03T17:00:01.25Z"));
        assertThatThrownBy(() -> STAMINA.readValue("{\"occurredAt\":\"2026-02-30T18:00:00Z\"}", At.class))
                .isInstanceOfSatisfying(InvalidFormatException.class,
                        refused -> assertThat(refused.getPath().getFirst().getFieldName()).isEqualTo("occurredAt"));
    }

    /** What the relay writes itself is what Jackson writes, character for character, in every year and offset. */
    @Test
    void instantsAreWrittenAsJacksonWritesThem() throws Exception {
        Random random = new Random(25);
        List<OffsetDateTime> times = new ArrayList<>(List.of(
                OffsetDateTime.of(2026, 11, 3, 18, 0, 0, 0, ZoneOffset.ofHours(1)),
                OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC),
                OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(0, 1, 1, 0, 0, 0, 1, ZoneOffset.ofHours(18)),
                OffsetDateTime.of(-1, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 11, 3, 18, 0, 0, 100, ZoneOffset.ofHoursMinutesSeconds(5, 30, 15)),
                OffsetDateTime.of(2026, 11, 3, 18, 0, 0, 120_000_000, ZoneOffset.ofHoursMinutes(-9, -30))));
        for (int i = 0; i < 20_000; i++) {
            times.add(OffsetDateTime.of(random.nextInt(10_100), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), precise(random),
                    ZoneOffset.ofTotalSeconds(60 * (random.nextInt(36 * 60 + 1) - 18 * 60))));
        }
        for (OffsetDateTime time : times) {
            assertThat('"' + IsoTimes.format(time) + '"').isEqualTo(JACKSON.writeValueAsString(time))
                    .isEqualTo(STAMINA.writeValueAsString(time));
            Instant instant = time.toInstant();
            assertThat('"' + IsoTimes.format(instant) + '"').isEqualTo(JACKSON.writeValueAsString(instant))
                    .isEqualTo(STAMINA.writeValueAsString(instant));
        }
    }

    /**
     * The mapper writes instants in the default form itself; timestamps, a property's own format and a mapper's time
     * zone are written by Jackson's serializers, as they were.
     */
    @Test
    void theMapperWritesInstantsItselfOnlyInTheDefaultForm() throws Exception {
        record At(OffsetDateTime occurredAt, Instant recordedAt, List<OffsetDateTime> more,
                  @JsonFormat(pattern = "yyyy-MM-dd HH:mm") OffsetDateTime minute,
                  @JsonFormat(shape = JsonFormat.Shape.NUMBER) Instant seconds) {
        }
        OffsetDateTime time = OffsetDateTime.of(2026, 11, 3, 18, 0, 0, 120_000_000, ZoneOffset.ofHours(1));
        At at = new At(time, time.toInstant(), List.of(time.plusDays(1), time.minusNanos(1)), time, time.toInstant());
        assertThat(STAMINA.writeValueAsString(at)).isEqualTo(JACKSON.writeValueAsString(at))
                .contains("\"occurredAt\":\"2026-11-03T18:00:00.12+01:00\"", "\"minute\":\"2026-11-03 18:00\"");
        SerializationFeature timestamps = SerializationFeature.WRITE_DATES_AS_TIMESTAMPS;
        assertThat(STAMINA.writer().with(timestamps).writeValueAsString(at))
                .isEqualTo(JACKSON.writer().with(timestamps).writeValueAsString(at));
        TimeZone tokyo = TimeZone.getTimeZone("Asia/Tokyo");
        assertThat(STAMINA.copy().setTimeZone(tokyo).writeValueAsString(at))
                .isEqualTo(JACKSON.copy().setTimeZone(tokyo).writeValueAsString(at)).contains("T02:00:00.12+09:00");

        ObjectMapper minutes = STAMINA.copy();
        minutes.configOverride(OffsetDateTime.class).setFormat(JsonFormat.Value.forPattern("yyyy-MM-dd HH:mm"));
        assertThat(minutes.writeValueAsString(time)).isEqualTo("\"2026-11-03 18:00\"");
        assertThat(STAMINA.getSerializerProviderInstance().findValueSerializer(OffsetDateTime.class, null))
                .as("the default form is written without Jackson's serializer")
                .isNotInstanceOf(InstantSerializerBase.class);
    }

    private static int precise(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
        };
    }

    /** The value read, or the kind of refusal with the field it names. */
    private static Object read(ObjectMapper mapper, String text, Class<?> type) {
        try {
            String json = text.startsWith("{") || text.matches("[0-9.]+") ? text : '"' + text + '"';
            return mapper.readValue(json, type);
        } catch (Exception refused) {
            return "refused: " + refused.getClass().getSimpleName() + " " + refused.getMessage().lines().findFirst().orElse("");
        }
    }
}
