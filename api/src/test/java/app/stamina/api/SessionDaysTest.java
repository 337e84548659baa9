package app.stamina.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The compact session days read and write the map of day to instant that documents have always held. */
class SessionDaysTest {

    private static final ObjectMapper JSON = StaminaJson.mapper();
    private static final TypeReference<TreeMap<LocalDate, Instant>> AS_STORED = new TypeReference<>() {
    };

    @Test
    void eachDayKeepsItsLatestInstantInOrderOfDay() {
        SessionDays days = new SessionDays();
        days.keepLatest(LocalDate.parse("2026-11-05"), Instant.parse("2026-11-05T17:00:00Z"));
        days.keepLatest(LocalDate.parse("2026-11-03"), Instant.parse("2026-11-03T17:00:00.123456789Z"));
        days.keepLatest(LocalDate.parse("2026-11-05"), Instant.parse("2026-11-05T19:30:00Z"));
        days.keepLatest(LocalDate.parse("2026-11-05"), Instant.parse("2026-11-05T08:00:00Z"));
        days.keepLatest(LocalDate.parse("1969-12-29"), Instant.parse("1969-12-29T10:00:00Z"));

        assertThat(days.size()).isEqualTo(3);
        assertThat(days.asMap()).containsExactly(
                Map.entry(LocalDate.parse("1969-12-29"), Instant.parse("1969-12-29T10:00:00Z")),
                Map.entry(LocalDate.parse("2026-11-03"), Instant.parse("2026-11-03T17:00:00.123456789Z")),
                Map.entry(LocalDate.parse("2026-11-05"), Instant.parse("2026-11-05T19:30:00Z")));
        assertThat(days.countAfter(Instant.parse("2026-11-03T17:00:00.123456789Z"))).isEqualTo(1);
        assertThat(days.countAfter(Instant.parse("2026-11-03T17:00:00.123456788Z"))).isEqualTo(2);
        assertThat(days.countAfter(Instant.MIN, LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-08")))
                .isEqualTo(2);
        assertThat(days.countAfter(Instant.MIN, LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-05")))
                .isEqualTo(1);
    }

    @Test
    void theyAreWrittenAndReadAsTheMapOfDayToInstant() throws Exception {
        TreeMap<LocalDate, Instant> stored = new TreeMap<>(Map.of(
                LocalDate.parse("2026-11-04"), Instant.parse("2026-11-04T18:00:00Z"),
                LocalDate.parse("2026-11-02"), Instant.parse("2026-11-02T06:15:30.5Z")));
        String json = JSON.writeValueAsString(stored);

        SessionDays read = JSON.readValue(json, SessionDays.class);

        assertThat(read.asMap()).isEqualTo(stored);
        String outOfOrder = "{\"2026-11-04\":\"2026-11-04T18:00:00Z\",\"2026-11-02\":\"2026-11-02T06:15:30.5Z\"}";
        assertThat(JSON.readValue(outOfOrder, SessionDays.class)).as("read from a map in no order").isEqualTo(read);
        assertThat(JSON.writeValueAsString(read)).isEqualTo(json);
        assertThat(JSON.readValue(JSON.writeValueAsString(new SessionDays()), AS_STORED)).isEmpty();
    }

    @Test
    void aCopyChangesApartFromTheOriginal() {
        SessionDays original = new SessionDays();
        original.keepLatest(LocalDate.parse("2026-11-02"), Instant.parse("2026-11-02T18:00:00Z"));
        SessionDays copy = original.copy();
        copy.keepLatest(LocalDate.parse("2026-11-03"), Instant.parse("2026-11-03T18:00:00Z"));
        copy.keepLatest(LocalDate.parse("2026-11-02"), Instant.parse("2026-11-02T20:00:00Z"));

        assertThat(original.asMap()).containsExactly(
                Map.entry(LocalDate.parse("2026-11-02"), Instant.parse("2026-11-02T18:00:00Z")));
        assertThat(copy.size()).isEqualTo(2);
    }
}
