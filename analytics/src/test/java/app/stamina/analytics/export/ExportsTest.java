package app.stamina.analytics.export;

import app.stamina.analytics.SeededCohort;
import app.stamina.analytics.cohorts.CohortFigures;
import app.stamina.analytics.cohorts.CohortIndex;
import app.stamina.api.StaminaJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The athlete-weeks export of a seeded random cohort against the same rows computed straightforwardly from the
 * athletes' raw events ({@link SeededCohort}): which athletes are in it, a row per ended week, and every value.
 */
class ExportsTest {

    /** Small enough that this cohort has quasi-identifier groups on both sides of it. */
    private static final int MIN_CELL_SIZE = 3;
    private static final List<String> QUASI_IDENTIFIERS = List.of("ageBand", "sex", "condition", "enrollmentMonth");
    private static final ObjectMapper JSON = StaminaJson.mapper();

    private static SeededCohort cohort;
    private static Exports exports;
    private static CohortIndex.Roster roster;
    /** Athlete id by pseudonym. */
    private static final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    static void export(@TempDir Path keys) {
        cohort = new SeededCohort(11, 300);
        CohortIndex index = CohortIndex.of(cohort.projected());
        Pseudonyms pseudonyms = new Pseudonyms(keys.resolve("pseudonym.key"));
        exports = new Exports(new CohortFigures(index, MIN_CELL_SIZE), pseudonyms, JSON, new SimpleMeterRegistry());
        roster = index.roster();
        cohort.streams().keySet().forEach(id -> ids.put(pseudonyms.of(id), id));
    }

    private static String athleteWeeks(ExportFormat format) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        exports.athleteWeeks(roster, format, body);
        return body.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCsvHasARowForEachEndedWeekOfEachAthleteInALargeEnoughGroupWithTheirFigures() {
        String[] lines = athleteWeeks(ExportFormat.CSV).split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", Exports.ATHLETE_WEEK_COLUMNS));
        Map<String, List<String[]>> rowsByAthlete = new LinkedHashMap<>();
        for (String line : Arrays.asList(lines).subList(1, lines.length)) {
            String[] row = line.split(",", -1);
            assertThat(row).hasSize(Exports.ATHLETE_WEEK_COLUMNS.size());
            assertThat(ids).as("a pseudonym, never an id").containsKey(row[0]);
            rowsByAthlete.computeIfAbsent(ids.get(row[0]), id -> new ArrayList<>()).add(row);
        }

        Map<String, Long> groupSizes = cohort.streams().keySet().stream()
                .collect(Collectors.groupingBy(id -> cohort.naiveKey(id, QUASI_IDENTIFIERS), Collectors.counting()));
        List<String> expected = cohort.streams().keySet().stream()
                .filter(id -> groupSizes.get(cohort.naiveKey(id, QUASI_IDENTIFIERS)) >= MIN_CELL_SIZE).toList();
        assertThat(expected).as("athletes on both sides of the minimum").isNotEmpty()
                .hasSizeLessThan(cohort.streams().size());
        assertThat(rowsByAthlete.keySet()).containsExactlyInAnyOrderElementsOf(expected);

        long withLoads = 0;
        for (Map.Entry<String, List<String[]>> athlete : rowsByAthlete.entrySet()) {
            String id = athlete.getKey();
            var enrolled = cohort.enrollment(id);
            assertThat(athlete.getValue()).as("rows of %s", id).hasSize(cohort.naiveEndedWeeks(id));
            for (int week = 0; week < athlete.getValue().size(); week++) {
                String[] row = athlete.getValue().get(week);
                assertThat(cohort.naiveKey(id, QUASI_IDENTIFIERS)).isEqualTo(
                        "ageBand=%s;sex=%s;condition=%s;enrollmentMonth=%s;", row[1], row[2], row[3], row[5]);
                assertThat(row[4]).isEqualTo(enrolled.surgery().code());
                assertThat(row[6]).isEqualTo(String.join(";", enrolled.tags()));
                assertThat(row[7]).isEqualTo(String.valueOf(week));
                int[] metrics = cohort.naiveWeek(id, week);
                assertThat(Arrays.stream(row, 8, 12).mapToInt(Integer::parseInt).toArray())
                        .as("best hold, sessions, total hold, setbacks of %s in week %d", id, week)
                        .containsExactly(metrics);
                Double deadlift = cohort.naiveDeadlift(id, week);
                if (deadlift == null) {
                    assertThat(row[12]).isEmpty();
                } else {
                    withLoads++;
                    assertThat(row[12]).startsWith("deadlift=");
                    assertThat(new BigDecimal(row[12].substring("deadlift=".length())).doubleValue())
                            .isEqualTo(deadlift);
                }
            }
        }
        assertThat(withLoads).as("rows with a working load").isPositive();
    }

    @Test
    void theNdjsonHasTheSameRowsAsTheCsvWithNumbersAndAnObjectOfLoads() throws Exception {
        String[] lines = athleteWeeks(ExportFormat.CSV).split("\r\n");
        String[] objects = athleteWeeks(ExportFormat.NDJSON).split("\n");
        assertThat(objects).hasSize(lines.length - 1);
        for (int i = 0; i < objects.length; i++) {
            JsonNode object = JSON.readTree(objects[i]);
            String[] row = lines[i + 1].split(",", -1);
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            assertThat(names).isEqualTo(Exports.ATHLETE_WEEK_COLUMNS);
            for (int column = 0; column < 12; column++) {
                JsonNode value = object.get(Exports.ATHLETE_WEEK_COLUMNS.get(column));
                assertThat(value.isNumber()).as("column %d a number", column).isEqualTo(column >= 7);
                assertThat(value.asText()).isEqualTo(row[column]);
            }
            JsonNode loads = object.get("workingLoadsKg");
            assertThat(loads.isObject()).isTrue();
            if (row[12].isEmpty()) {
                assertThat(loads.isEmpty()).isTrue();
            } else {
                assertThat(loads.get("deadlift").isNumber()).isTrue();
                assertThat(loads.get("deadlift").decimalValue())
                        .isEqualByComparingTo(row[12].substring("deadlift=".length()));
            }
        }
    }
}
