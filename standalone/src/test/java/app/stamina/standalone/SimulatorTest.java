package app.stamina.standalone;

import app.stamina.analytics.simulator.Simulator;
import app.stamina.standalone.StandaloneHttp.Reply;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator through the public API: a cohort that drops out, breaks the protocol now and then and lengthens its
 * holds; the same seed gives the same cohort, so a second run changes no figure; the export of it parses.
 */
class SimulatorTest {

    private static final int ATHLETES = 80;

    @TempDir
    static Path dataDir;

    @Test
    void aSeededCohortIsRealisticRepeatableAndExportable() throws Exception {
        try (ConfigurableApplicationContext app = StaminaStandalone.application()
                .run("--server.port=0", "--stamina.data-dir=" + dataDir)) {
            String target = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            StandaloneHttp http = new StandaloneHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            Simulator.Summary first = simulate(target, progress);
            assertThat(first.factsSent()).isGreaterThan(ATHLETES * 8 * 2L);
            assertThat(first.droppedOut()).isBetween(1, ATHLETES / 2);
            assertThat(first.decisionsRefused()).as("some decisions break the protocol").isPositive();
            assertThat(progress.toString(StandardCharsets.UTF_8)).contains("simulated " + ATHLETES + " of " + ATHLETES);

            CaughtUp.await(app, Duration.ofMinutes(1));
            String trends = http.get("/api/v1/cohorts/trends?metric=bestHoldSeconds&groupBy=tag:arm&weeks=0-8").text();
            assertThat(new ObjectMapper().readTree(trends).path("rows")).isNotEmpty();

            Simulator.Summary again = simulate(target, new ByteArrayOutputStream());
            assertThat(again.factsSent()).isEqualTo(first.factsSent());
            CaughtUp.await(app, Duration.ofMinutes(1));
            assertThat(http.get("/api/v1/cohorts/trends?metric=bestHoldSeconds&groupBy=tag:arm&weeks=0-8").text())
                    .as("the same seed is the same cohort: a second run is all duplicates").isEqualTo(trends);

            Reply csv = http.get("/api/v1/exports/athlete-weeks?format=csv");
            Reply ndjson = http.get("/api/v1/exports/athlete-weeks?format=ndjson");
            String[] csvLines = csv.text().split("\r\n");
            String[] jsonLines = ndjson.text().split("\n");
            // 80 athletes over age bands, sexes and conditions leave most quasi-identifier groups under 11: their
            // rows are withheld, so the export may be short; both formats hold the same rows.
            assertThat(csvLines[0]).startsWith("pseudonym,ageBand,sex,condition,surgery,enrollmentMonth,tags,week,");
            assertThat(csvLines.length - 1).isEqualTo(ndjson.text().isEmpty() ? 0 : jsonLines.length);
            for (String line : csvLines) {
                assertThat(line.split(",", -1)).hasSize(13);
            }
            ObjectMapper json = new ObjectMapper();
            for (String line : jsonLines) {
                if (!line.isEmpty()) {
                    assertThat(json.readTree(line).path("pseudonym").asText()).matches("[0-9a-f]{32}");
                }
            }
            assertThat(csv.text()).doesNotContain("sim-7-");
        }
    }

    private static Simulator.Summary simulate(String target, ByteArrayOutputStream progress) throws Exception {
        return new Simulator(Simulator.Options.parse("simulate", "--athletes", Integer.toString(ATHLETES), "--weeks", "10",
                "--seed", "7", "--target", target), new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
    }
}
