package app.stamina.standalone;

import app.stamina.analytics.simulator.Simulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full simulated study, 1,000 athletes over 16 weeks sent by the simulator through the public API: its research
 * exports read back through HTTP as streams and parsed row by row with real CSV and JSON parsers, and the web page
 * drawing its charts in headless Chromium.
 */
class SimulatedStudyTest {

    private static final int ATHLETES = 1000;
    private static final int WEEKS = 16;
    private static final List<String> COLUMNS = List.of("pseudonym", "ageBand", "sex", "condition", "surgery",
            "enrollmentMonth", "tags", "week", "bestHoldSeconds", "sessions", "totalHoldSeconds", "setbacks",
            "workingLoadsKg");

    @TempDir
    static Path dataDir;
    @TempDir
    static Path browserDir;
    private static ConfigurableApplicationContext app;
    private static StandaloneHttp http;

    @BeforeAll
    static void simulateAStudy() throws Exception {
        app = StaminaStandalone.application().run("--server.port=0", "--stamina.data-dir=" + dataDir);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        http = new StandaloneHttp(port);
        Simulator.Summary summary = new Simulator(Simulator.Options.parse("simulate", "--athletes", Integer.toString(ATHLETES),
                "--weeks", Integer.toString(WEEKS), "--seed", "11", "--parallelism", "32",
                "--target", "http://127.0.0.1:" + port), new PrintStream(System.out, true, StandardCharsets.UTF_8)).run();
        assertThat(summary.factsSent()).isGreaterThan(ATHLETES * WEEKS * 4L);
        CaughtUp.await(app, Duration.ofMinutes(5));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theAthleteWeeksExportStreamsAndParsesTheSameInCsvAndNdjson() throws Exception {
        Map<String, Map<String, String>> csvRows = new HashMap<>();
        Map<List<String>, Set<String>> quasiIdentifierGroups = new HashMap<>();
        try (Export csv = export("/api/v1/exports/athlete-weeks?format=csv", "text/csv");
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(csv.body())) {
            assertThat(csv.response().headers().firstValue("Transfer-Encoding")).as("streamed, not sized up front")
                    .hasValue("chunked");
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                assertThat(row.keySet()).containsExactlyElementsOf(COLUMNS);
                assertThat(row.get("pseudonym")).matches("[0-9a-f]{32}");
                assertThat(Integer.parseInt(row.get("week"))).isNotNegative();
                assertThat(csvRows.put(row.get("pseudonym") + "/" + row.get("week"), row)).as("one row per athlete-week").isNull();
                quasiIdentifierGroups.computeIfAbsent(List.of(row.get("ageBand"), row.get("sex"), row.get("condition"),
                        row.get("enrollmentMonth")), group -> new HashSet<>()).add(row.get("pseudonym"));
            }
        }
        assertThat(csvRows.size()).as("most of 1,000 athletes x 16 weeks").isGreaterThan(ATHLETES * WEEKS / 2);
        assertThat(quasiIdentifierGroups.values()).allSatisfy(athletes -> assertThat(athletes).hasSizeGreaterThanOrEqualTo(11));
        assertThat(csvRows.values()).noneMatch(row -> row.values().stream().anyMatch(value -> value.contains("sim-11-")));

        int ndjsonRows = 0;
        try (Export ndjson = export("/api/v1/exports/athlete-weeks?format=ndjson", "application/x-ndjson");
             MappingIterator<JsonNode> rows = new ObjectMapper().readerFor(JsonNode.class).readValues(ndjson.body())) {
            while (rows.hasNextValue()) {
                JsonNode row = rows.nextValue();
                ndjsonRows++;
                Map<String, String> same = csvRows.get(row.path("pseudonym").asText() + "/" + row.path("week").asInt());
                assertThat(same).as("the CSV has the same athlete-week").isNotNull();
                assertThat(row.path("bestHoldSeconds").asText()).isEqualTo(same.get("bestHoldSeconds"));
                assertThat(row.path("totalHoldSeconds").asText()).isEqualTo(same.get("totalHoldSeconds"));
                assertThat(row.path("workingLoadsKg").isObject()).isTrue();
            }
        }
        assertThat(ndjsonRows).isEqualTo(csvRows.size());
    }

    @Test
    void theCohortTrendsExportParsesAndHoldsOnlyGroupsOfAtLeastTheMinimum() throws Exception {
        try (Export csv = export("/api/v1/exports/cohort-trends?metric=bestHoldSeconds&groupBy=condition,tag:arm"
                + "&weeks=0-15&format=csv", "text/csv");
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(csv.body())) {
            int count = 0;
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                count++;
                assertThat(row.keySet()).containsExactly("condition", "tag:arm", "week", "n", "p25", "p50", "p75", "mean");
                assertThat(Integer.parseInt(row.get("n"))).isGreaterThanOrEqualTo(11);
                assertThat(Double.parseDouble(row.get("p25"))).isLessThanOrEqualTo(Double.parseDouble(row.get("p50")));
                assertThat(Double.parseDouble(row.get("p50"))).isLessThanOrEqualTo(Double.parseDouble(row.get("p75")));
            }
            assertThat(count).isGreaterThan(16);
        }
    }

    @Test
    void theWebPageDrawsAnAthletesTrendAndTheCohortsBandsAndCurves() throws Exception {
        Chromium chromium = Chromium.find(browserDir).orElse(null);
        Assumptions.assumeTrue(chromium != null, "no Chromium on this machine (apt-get install chromium; .ci/run does)");
        String token = http.tokenFor("page-viewer", "clinician", "researcher");
        String page = http.uri("/").toString() + "#token=" + token + "&athlete=sim-11-1&weeks=0-15";

        String dom = chromium.dom(page, 10_000);
        assertThat(dom).contains("class=\"best-hold\"").contains("class=\"band\"").contains("class=\"median\"")
                .contains("class=\"survival\"").contains("tag:arm=A").contains("tag:arm=B")
                .doesNotContain("class=\"message\"");

        BufferedImage shot = ImageIO.read(chromium.screenshot(page, 900, 1500, 10_000).toFile());
        assertThat(pixels(shot, 0x1f77b4)).as("blue lines: the athlete's holds, arm A's median and curve").isGreaterThan(1000);
        assertThat(pixels(shot, 0xd62728)).as("red lines: arm B's median and curve").isGreaterThan(800);
    }

    /** How many pixels of the screenshot have exactly this colour. */
    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    private static Export export(String path, String contentType) throws Exception {
        HttpResponse<InputStream> response = http.client().send(http.authorized(HttpRequest.newBuilder(http.uri(path))
                .timeout(Duration.ofMinutes(2)).GET()).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(contentType);
        return new Export(response);
    }

    private record Export(HttpResponse<InputStream> response) implements AutoCloseable {

        InputStream body() {
            return response.body();
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }
}
