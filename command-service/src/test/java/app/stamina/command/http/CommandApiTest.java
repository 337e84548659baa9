package app.stamina.command.http;

import app.stamina.command.CommandHttpTest;
import app.stamina.command.http.Http.Reply;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static app.stamina.command.http.Bodies.enrollment;
import static app.stamina.command.http.Bodies.entry;
import static app.stamina.command.http.Bodies.hold;
import static app.stamina.command.http.Bodies.id;
import static app.stamina.command.http.Bodies.loadIncrease;
import static app.stamina.command.http.Bodies.nov;
import static app.stamina.command.http.Bodies.rep;
import static app.stamina.command.http.Bodies.resume;
import static app.stamina.command.http.Bodies.setback;
import static app.stamina.command.http.Bodies.syncToStrength;
import static app.stamina.command.http.Bodies.workingLoad;
import static org.assertj.core.api.Assertions.assertThat;

/** Every command endpoint through HTTP, with the refusal codes of API.md. */
class CommandApiTest extends CommandHttpTest {

    @Autowired
    Cache rehabProgramCache;
    Http http;
    String athlete;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        athlete = "ada-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String path(String command) {
        return "/api/v1/athletes/" + athlete + "/" + command;
    }

    private Reply enroll() {
        return http.post(path("enrollment"), enrollment(id()));
    }

    private void toStrengthWithDeadliftAt135lb() {
        enroll();
        assertThat(http.post(path("sync"), syncToStrength()).status()).isEqualTo(200);
        assertThat(http.post(path("working-loads"), workingLoad(id(), "deadlift", "135", "lb")).status()).isEqualTo(201);
    }

    private void twoCleanSessionsAt135lb() {
        StringBuilder entries = new StringBuilder();
        for (int day : new int[]{16, 18}) {
            for (int set = 1; set <= 3; set++) {
                for (int r = 1; r <= 5; r++) {
                    entries.append(entries.isEmpty() ? "" : ",")
                            .append(entry("rep", rep(id(), nov(day), set, r, "135", false)));
                }
            }
        }
        assertThat(http.post(path("sync"), "{\"entries\":[" + entries + "]}").status()).isEqualTo(200);
    }

    @Test
    void enrollmentIsCreatedAtVersion1() {
        Reply reply = enroll();
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("version").asLong()).isEqualTo(1);
        assertThat(reply.json().path("phase").asText()).isEqualTo("stamina");
        assertThat(reply.json().path("duplicate").asBoolean()).isFalse();
    }

    @Test
    void enrollingTheSameAthleteTwiceIsAlreadyEnrolled() {
        enroll();
        Reply again = enroll();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("already-enrolled");
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aHoldAnswersItsVerdictMilestonesAndPhase() {
        enroll();
        Reply reply = http.post(path("holds"), hold(id(), nov(3), 95));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("version").asLong()).isEqualTo(4);
        assertThat(reply.json().path("countsTowardProgress").asBoolean()).isTrue();
        assertThat(reply.json().path("reasons")).isEmpty();
        assertThat(reply.json().path("milestonesReached").toString()).isEqualTo("[\"hold-60s\",\"hold-90s\"]");
        assertThat(reply.json().path("phase").asText()).isEqualTo("stamina");
    }

    @Test
    void aRepWithABeltIsRecordedWithItsWarning() {
        toStrengthWithDeadliftAt135lb();
        Reply reply = http.post(path("reps"), rep(id(), nov(16), 1, 1, "135", true));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("countsTowardProgress").asBoolean()).isFalse();
        assertThat(reply.json().path("reasons").toString()).isEqualTo("[\"belt-used\"]");
        assertThat(reply.json().path("warnings").toString()).isEqualTo("[\"belt-used\"]");
    }

    @Test
    void aDeadliftWorkingLoadInTheStaminaPhaseIsStaminaBeforeStrength() {
        enroll();
        Reply reply = http.post(path("working-loads"), workingLoad(id(), "deadlift", "60", "kg"));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("stamina-before-strength");
        assertThat(storedEvents(athlete)).isEqualTo(1);
    }

    @Test
    void aFirstLoadAbove45PercentIsStartTooHeavyWithTheLargestThatPasses() {
        enroll();
        http.post(path("sync"), syncToStrength());
        Reply reply = http.post(path("working-loads"), workingLoad(id(), "deadlift", "150", "lb"));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("start-too-heavy");
        assertThat(reply.json().path("maxAllowedLoad").path("value").decimalValue()).isEqualByComparingTo("140");
        assertThat(reply.json().path("maxAllowedLoad").path("unit").asText()).isEqualTo("lb");
    }

    @Test
    void aSecondFirstWorkingLoadIsWorkingLoadAlreadySet() {
        toStrengthWithDeadliftAt135lb();
        Reply reply = http.post(path("working-loads"), workingLoad(id(), "deadlift", "125", "lb"));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("working-load-already-set");
    }

    @Test
    void anIncreaseWithoutAWorkingLoadIsNoWorkingLoad() {
        enroll();
        http.post(path("sync"), syncToStrength());
        Reply reply = http.post(path("load-increases"), loadIncrease(id(), "deadlift", "155", "lb"));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("no-working-load");
    }

    @Test
    void anIncreaseBeforeTwoCleanSessionsIsNotInCommandYetAndSaysWhatIsMissing() {
        toStrengthWithDeadliftAt135lb();
        Reply reply = http.post(path("load-increases"), loadIncrease(id(), "deadlift", "155", "lb"));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("not-in-command-yet");
        assertThat(reply.json().path("missing").toString()).isEqualTo("[\"sessions-at-working-load\"]");
    }

    @Test
    void from135To185lbIsStepTooLargeAndFrom135To155lbIsAccepted() {
        toStrengthWithDeadliftAt135lb();
        twoCleanSessionsAt135lb();
        Reply refused = http.post(path("load-increases"), loadIncrease(id(), "deadlift", "185", "lb"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("step-too-large");
        assertThat(refused.json().path("maxAllowedLoad").path("value").decimalValue()).isEqualByComparingTo("155");
        assertThat(refused.json().path("maxAllowedLoad").path("unit").asText()).isEqualTo("lb");

        Reply accepted = http.post(path("load-increases"), loadIncrease(id(), "deadlift", "155", "lb"));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.json().path("workingLoad").path("value").decimalValue()).isEqualByComparingTo("155");
    }

    /** A refusal changes nothing, so the program stays loaded: the next write need not read it from the store. */
    @Test
    void aRefusedDecisionOrFactKeepsTheProgramLoaded() {
        toStrengthWithDeadliftAt135lb();
        long stored = storedEvents(athlete);
        assertThat(rehabProgramCache.containsKey(athlete)).isTrue();

        assertThat(http.post(path("load-increases"), loadIncrease(id(), "deadlift", "155", "lb")).status()).isEqualTo(422);
        assertThat(http.post(path("holds"), hold(id(), "2026-10-01T18:00:00Z", 65)).status()).isEqualTo(400);

        assertThat(storedEvents(athlete)).isEqualTo(stored);
        assertThat(rehabProgramCache.containsKey(athlete)).as("still in the cache after two refusals").isTrue();
        Reply next = http.post(path("holds"), hold(id(), nov(16), 65));
        assertThat(next.status()).isEqualTo(201);
        assertThat(next.json().path("version").asLong()).isEqualTo(storedEvents(athlete)).isGreaterThan(stored);
    }

    @Test
    void aRedFlagPausesTheProgramUntilAClinicianResumesIt() {
        toStrengthWithDeadliftAt135lb();
        Reply setback = http.post(path("setbacks"), setback(id(), nov(19), "mild", "\"numbness\""));
        assertThat(setback.status()).isEqualTo(201);
        assertThat(setback.json().path("phase").asText()).isEqualTo("paused");
        assertThat(setback.json().path("consequences").toString()).contains("program-paused");

        Reply paused = http.post(path("load-increases"), loadIncrease(id(), "deadlift", "155", "lb"));
        assertThat(paused.status()).isEqualTo(422);
        assertThat(paused.code()).isEqualTo("program-paused");

        Reply resumed = http.post(path("resume"), resume(id()));
        assertThat(resumed.status()).isEqualTo(201);
        assertThat(resumed.json().path("phase").asText()).isEqualTo("strength");

        Reply again = http.post(path("resume"), resume(id()));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.code()).isEqualTo("program-not-paused");
    }

    @Test
    void aModerateSetbackNamesTheLoweredLifts() {
        toStrengthWithDeadliftAt135lb();
        Reply reply = http.post(path("setbacks"), setback(id(), nov(19), "moderate", "\"spasm\""));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("consequences").toString())
                .isEqualTo("[\"eligibility-reset\",\"load-decreased:deadlift\"]");
        assertThat(reply.json().path("phase").asText()).isEqualTo("strength");
    }

    @Test
    void writesToAnUnknownAthleteAreAthleteNotFound() {
        Reply hold = http.post(path("holds"), hold(id(), nov(3), 95));
        assertThat(hold.status()).isEqualTo(404);
        assertThat(hold.code()).isEqualTo("athlete-not-found");
        Reply sync = http.post(path("sync"), "{\"entries\":[" + entry("hold", hold(id(), nov(3), 95)) + "]}");
        assertThat(sync.status()).isEqualTo(404);
        assertThat(sync.code()).isEqualTo("athlete-not-found");
    }

    @Test
    void aHoldBeforeTheEnrollmentIsInvalid() {
        enroll();
        Reply reply = http.post(path("holds"), hold(id(), "2026-10-30T10:00:00+01:00", 95));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invalid-request");
        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("occurredAt");
    }
}
