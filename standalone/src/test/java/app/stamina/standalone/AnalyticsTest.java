package app.stamina.standalone;

import app.stamina.standalone.StandaloneHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analytics through the public API on the whole system: 30 athletes (20 women, 10 men) enrolled on Monday 7
 * September 2026 hold for four weeks, every one a little longer each week.
 */
class AnalyticsTest {

    private static final int WOMEN = 20;
    private static final int MEN = 10;

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext app;
    static StandaloneHttp http;
    static final List<String> athleteIds = new ArrayList<>();

    @BeforeAll
    static void startWithACohort() throws Exception {
        app = StaminaStandalone.application().run("--server.port=0", "--stamina.data-dir=" + dataDir);
        http = new StandaloneHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        for (int i = 0; i < WOMEN + MEN; i++) {
            String athlete = "cohort-" + i;
            athleteIds.add(athlete);
            String sex = i < WOMEN ? "female" : "male";
            assertThat(http.post("/api/v1/athletes/" + athlete + "/enrollment", """
                    {"eventId":"%s","birthYear":1980,"sex":"%s","condition":"strain","surgery":"none",
                     "injuryDate":"2026-06-01","timeZone":"UTC","enrolledAt":"2026-09-07T08:00:00Z","tags":["arm:A"]}"""
                    .formatted(UUID.randomUUID(), sex)).status()).isEqualTo(201);
            StringBuilder entries = new StringBuilder();
            for (int week = 0; week < 4; week++) {
                for (int day : new int[]{0, 2}) {
                    entries.append(entries.isEmpty() ? "" : ",").append("""
                            {"type":"hold","eventId":"%s","occurredAt":"%s","durationSeconds":%d,"placement":"none",
                             "neutralHeld":true,"pain":1}""".formatted(UUID.randomUUID(),
                            java.time.LocalDate.parse("2026-09-07").plusDays(7L * week + day) + "T18:00:00Z",
                            40 + 10 * week + i));
                }
            }
            entries.append(",").append("""
                    {"type":"hold","eventId":"%s","occurredAt":"2026-10-05T08:00:00Z","durationSeconds":30,
                     "placement":"none","neutralHeld":true,"pain":1}""".formatted(UUID.randomUUID()));
            assertThat(http.post("/api/v1/athletes/" + athlete + "/sync", "{\"entries\":[" + entries + "]}").status())
                    .isEqualTo(200);
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode cohorts = http.get("/api/v1/cohorts").json().path("cohorts");
            // Every athlete counts from their enrollment on, so the cohort is whole before all their holds are in:
            // wait until each of the 30 has both holds of the last full week, a mean of 2 (their events come in order).
            JsonNode lastWeek = http.get("/api/v1/cohorts/trends?metric=sessions&weeks=3-3").json().path("rows").path(0);
            if (cohorts.size() == 1 && cohorts.get(0).path("athletes").asInt() == WOMEN + MEN
                    && lastWeek.path("n").asInt() == WOMEN + MEN
                    && lastWeek.path("mean").decimalValue().compareTo(BigDecimal.TWO) == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("analytics did not catch up with 30 athletes");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void trendsGiveExactQuartilesPerRelativeWeek() throws Exception {
        Reply reply = http.get("/api/v1/cohorts/trends?metric=bestHoldSeconds&weeks=0-4");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode rows = reply.json().path("rows");
        assertThat(rows).hasSize(4).as("week 4 has not ended by the cut-off (5 October)");
        // Week 0: athlete i held 40 + i seconds, i = 0..29: p25 = 47.25, p50 = 54.5, p75 = 61.75, mean 54.5.
        JsonNode week0 = rows.get(0);
        assertThat(week0.path("week").asInt()).isZero();
        assertThat(week0.path("n").asInt()).isEqualTo(30);
        assertThat(week0.path("p25").decimalValue()).isEqualByComparingTo("47.25");
        assertThat(week0.path("p50").decimalValue()).isEqualByComparingTo("54.5");
        assertThat(week0.path("p75").decimalValue()).isEqualByComparingTo("61.75");
        assertThat(week0.path("mean").decimalValue()).isEqualByComparingTo("54.5");
        assertThat(rows.get(3).path("p50").decimalValue()).isEqualByComparingTo("84.5");
        assertThat(http.get("/api/v1/cohorts/trends?metric=sessions&weeks=1-1").json().path("rows").get(0).path("p50").asInt())
                .isEqualTo(2);
    }

    @Test
    void aSplitThatLeavesASmallGroupHidesBothHalves() throws Exception {
        JsonNode bySex = http.get("/api/v1/cohorts?groupBy=sex").json();
        assertThat(bySex.path("minCellSize").asInt()).isEqualTo(11);
        // Ten men are too few; twenty women would give them away as "everyone minus the women".
        assertThat(bySex.path("cohorts")).isEmpty();
        assertThat(bySex.path("suppressedGroups").asInt()).isEqualTo(2);
        JsonNode everyone = http.get("/api/v1/cohorts").json().path("cohorts").get(0);
        assertThat(everyone.path("athletes").asInt()).isEqualTo(30);
        assertThat(everyone.path("setbacksPer100Weeks").decimalValue()).isEqualByComparingTo("0");
        assertThat(everyone.path("medianSessionsPerWeek").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void milestoneCurvesFollowKaplanMeier() throws Exception {
        JsonNode rows = http.get("/api/v1/cohorts/milestones?milestone=hold-60s").json().path("rows");
        assertThat(rows).hasSize(1);
        JsonNode curve = rows.get(0).path("curve");
        assertThat(curve.get(0).path("day").asInt()).isZero();
        assertThat(curve.get(0).path("atRisk").asInt()).isEqualTo(30);
        // Ten athletes (i >= 20) hold 60 s on day 0; ten more on day 7; the rest on day 14.
        assertThat(rows.get(0).path("medianDays").asInt()).isEqualTo(7);
    }

    @Test
    void theAthleteWeeksExportIsPseudonymousAndLeavesOutSmallGroups() throws Exception {
        Reply csv = http.get("/api/v1/exports/athlete-weeks?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.response().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0]).isEqualTo("pseudonym,ageBand,sex,condition,surgery,enrollmentMonth,tags,week,"
                + "bestHoldSeconds,sessions,totalHoldSeconds,setbacks,workingLoadsKg");
        assertThat(lines).hasSize(1 + WOMEN * 4).as("the ten men's group is too small to export");
        for (String id : athleteIds) {
            assertThat(csv.text()).doesNotContain(id);
        }
        assertThat(lines[1].split(",")[0]).matches("[0-9a-f]{32}");
        assertThat(lines[1]).contains(",40-49,female,strain,none,2026-09,arm:A,");

        Reply ndjson = http.get("/api/v1/exports/athlete-weeks?format=ndjson");
        String[] objects = ndjson.text().split("\n");
        assertThat(objects).hasSize(WOMEN * 4);
        JsonNode first = new ObjectMapper().readTree(objects[0]);
        assertThat(first.path("pseudonym").asText()).isEqualTo(lines[1].split(",")[0]);
        assertThat(first.path("week").asInt()).isZero();
    }

    @Test
    void theCohortTrendsExportHasTheKeysThenTheFigures() throws Exception {
        Reply csv = http.get("/api/v1/exports/cohort-trends?metric=sessions&groupBy=tag:arm&weeks=0-3&format=csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0]).isEqualTo("tag:arm,week,n,p25,p50,p75,mean");
        assertThat(lines[1]).isEqualTo("A,0,30,2,2,2,2");
        assertThat(lines).hasSize(5);
    }

    @Test
    void malformedQuestionsAreInvalidRequests() throws Exception {
        for (String path : List.of("/api/v1/cohorts/trends?metric=height", "/api/v1/cohorts/trends?metric=sessions&weeks=5-2",
                "/api/v1/cohorts?groupBy=shoeSize", "/api/v1/cohorts?groupBy=sex,sex",
                "/api/v1/cohorts/milestones?milestone=moon", "/api/v1/exports/athlete-weeks?format=xlsx")) {
            Reply reply = http.get(path);
            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.json().path("code").asText()).as(path).isEqualTo("invalid-request");
        }
    }
}
