package app.stamina.api.event;

import app.stamina.api.AthleteId;
import app.stamina.api.Condition;
import app.stamina.api.Lift;
import app.stamina.api.envelope.Actor;
import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.Load;
import app.stamina.api.Milestone;
import app.stamina.api.Phase;
import app.stamina.api.Placement;
import app.stamina.api.PriorMax;
import app.stamina.api.Reason;
import app.stamina.api.Severity;
import app.stamina.api.Sex;
import app.stamina.api.StaminaJson;
import app.stamina.api.Surgery;
import app.stamina.api.Symptom;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pins the stored and published JSON form of every event. A renamed field or enum code breaks this test, not the
 * event store and the consumers that read it.
 */
class EventJsonTest {

    private static final ObjectMapper JSON = StaminaJson.mapper();
    private static final AthleteId ADA = AthleteId.of("ada");
    private static final UUID ID = UUID.fromString("6f1c2a9e-3b7d-4e0a-9c55-0d2f1b7e8a10");
    private static final UUID CAUSE = UUID.fromString("0b8e4f62-1a3c-4d5e-8f70-9a1b2c3d4e5f");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-24T18:05:00+01:00");

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(new AthleteEnrolled(ID, ADA, OffsetDateTime.parse("2026-11-02T09:00:00+01:00"), 1988,
                        Sex.FEMALE, Condition.HERNIATED_DISC, Surgery.NONE, LocalDate.parse("2026-06-01"),
                        ZoneId.of("Europe/Amsterdam"), List.of(new PriorMax(Lift.DEADLIFT, Load.lb("315"))),
                        List.of("study:lbp-2026", "arm:B")), """
                        {"eventId":"6f1c2a9e-3b7d-4e0a-9c55-0d2f1b7e8a10","athleteId":"ada",
                         "enrolledAt":"2026-11-02T09:00:00+01:00","birthYear":1988,"sex":"female",
                         "condition":"herniated-disc","surgery":"none","injuryDate":"2026-06-01",
                         "timeZone":"Europe/Amsterdam",
                         "priorMaxima":[{"lift":"deadlift","load":{"value":315,"unit":"lb","kg":142.88159655}}],
                         "tags":["study:lbp-2026","arm:B"]}"""),
                Arguments.of(new HoldCompleted(ID, ADA, AT, 95, Load.kg("10"), Placement.LEFT, true, 2, false,
                        List.of(Reason.LOAD_BEFORE_120S)), """
                        {"eventId":"6f1c2a9e-3b7d-4e0a-9c55-0d2f1b7e8a10","athleteId":"ada",
                         "occurredAt":"2026-11-24T18:05:00+01:00","durationSeconds":95,
                         "load":{"value":10,"unit":"kg","kg":10},"placement":"left","neutralHeld":true,"pain":2,
                         "countsTowardProgress":false,"reasons":["load-before-120s"]}"""),
                Arguments.of(new HoldCompleted(ID, ADA, AT, 61, null, Placement.NONE, true, 0, true, List.of()), """
                        {"eventId":"6f1c2a9e-3b7d-4e0a-9c55-0d2f1b7e8a10","athleteId":"ada",
                         "occurredAt":"2026-11-24T18:05:00+01:00","durationSeconds":61,"load":null,
                         "placement":"none","neutralHeld":true,"pain":0,"countsTowardProgress":true,"reasons":[]}"""),
                Arguments.of(new MilestoneReached(ADA, AT, Milestone.HOLD_120S, CAUSE), """
                        {"athleteId":"ada","occurredAt":"2026-11-24T18:05:00+01:00","milestone":"hold-120s",
                         "causedBy":"0b8e4f62-1a3c-4d5e-8f70-9a1b2c3d4e5f"}"""),
                Arguments.of(new StrengthPhaseUnlocked(ADA, AT, CAUSE), """
                        {"athleteId":"ada","occurredAt":"2026-11-24T18:05:00+01:00",
                         "causedBy":"0b8e4f62-1a3c-4d5e-8f70-9a1b2c3d4e5f"}"""),
                Arguments.of(new RepConfirmed(ID, ADA, AT, Lift.DEADLIFT, 1, 3, Load.lb("135"), true, true, 1, false,
                        List.of(Reason.BELT_USED), List.of(Reason.BELT_USED)), """
                        {"eventId":"6f1c2a9e-3b7d-4e0a-9c55-0d2f1b7e8a10","athleteId":"ada",
                         "occurredAt":"2026-11-24T18:05:00+01:00","lift":"deadlift","set":1,"rep":3,
                         "load":{"value":135,"unit":"lb","kg":61.23496995},"inCommand":true,"beltUsed":true,"pain":1,
                         "countsTowardProgress":false,"reasons":["belt-used"],"warnings":["belt-used"]}"""),
                Arguments.of(new WorkingLoadSet(ID, ADA, AT, Lift.DEADLIFT, Load.lb("135")), """
                        {"eventId":"6f1c2a9e-3b7d-4e0a-9c55-0d2f1b7e8a10","athleteId":"ada",
                         "occurredAt":"2026-11-24T18:05:00+01:00","lift":"deadlift",
                         "load":{"value":135,"unit":"lb","kg":61.23496995}}"""),
                Arguments.of(new LoadIncreased(ID, ADA, AT, Lift.DEADLIFT, Load.lb("135"), Load.lb("155")), """
                        {"eventId":"6f1c2a9e-3b7d-4e0a-9c55-0d2f1b7e8a10","athleteId":"ada",
                         "occurredAt":"2026-11-24T18:05:00+01:00","lift":"deadlift",
                         "fromLoad":{"value":135,"unit":"lb","kg":61.23496995},
                         "toLoad":{"value":155,"unit":"lb","kg":70.30681735}}"""),
                Arguments.of(new LiftStatusChanged(ADA, AT, Lift.DEADLIFT, Load.lb("135"), true, Load.lb("155"), CAUSE), """
                        {"athleteId":"ada","occurredAt":"2026-11-24T18:05:00+01:00","lift":"deadlift",
                         "workingLoad":{"value":135,"unit":"lb","kg":61.23496995},"readyForMore":true,
                         "nextMaxLoad":{"value":155,"unit":"lb","kg":70.30681735},
                         "causedBy":"0b8e4f62-1a3c-4d5e-8f70-9a1b2c3d4e5f"}"""),
                Arguments.of(SetbackReported.of(ID, ADA, AT, Severity.MODERATE,
                        List.of(Symptom.SPASM, Symptom.BLADDER_OR_BOWEL_CHANGE), "twinge"), """
                        {"eventId":"6f1c2a9e-3b7d-4e0a-9c55-0d2f1b7e8a10","athleteId":"ada",
                         "occurredAt":"2026-11-24T18:05:00+01:00","severity":"moderate",
                         "symptoms":["spasm","bladder-or-bowel-change"],"note":"twinge","redFlagged":true}"""),
                Arguments.of(new LoadDecreased(ADA, AT, Lift.SQUAT, Load.kg("60"), Load.kg("52.5"), CAUSE), """
                        {"athleteId":"ada","occurredAt":"2026-11-24T18:05:00+01:00","lift":"squat",
                         "fromLoad":{"value":60,"unit":"kg","kg":60},"toLoad":{"value":52.5,"unit":"kg","kg":52.5},
                         "causedBy":"0b8e4f62-1a3c-4d5e-8f70-9a1b2c3d4e5f"}"""),
                Arguments.of(new ReturnedToStaminaPhase(ADA, AT, CAUSE), """
                        {"athleteId":"ada","occurredAt":"2026-11-24T18:05:00+01:00",
                         "causedBy":"0b8e4f62-1a3c-4d5e-8f70-9a1b2c3d4e5f"}"""),
                Arguments.of(new ProgramPaused(ADA, AT, List.of(Symptom.NUMBNESS, Symptom.LEG_WEAKNESS), CAUSE), """
                        {"athleteId":"ada","occurredAt":"2026-11-24T18:05:00+01:00",
                         "redFlags":["numbness","leg-weakness"],"causedBy":"0b8e4f62-1a3c-4d5e-8f70-9a1b2c3d4e5f"}"""),
                Arguments.of(new ProgramResumed(ID, ADA, AT, "cleared in clinic", Phase.STRENGTH), """
                        {"eventId":"6f1c2a9e-3b7d-4e0a-9c55-0d2f1b7e8a10","athleteId":"ada",
                         "occurredAt":"2026-11-24T18:05:00+01:00","note":"cleared in clinic","phase":"strength"}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void anEventIsWrittenInItsPinnedForm(RehabEvent event, String pinned) throws Exception {
        JSONAssert.assertEquals(pinned, JSON.writeValueAsString(event), JSONCompareMode.STRICT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void thePinnedFormReadsBackAsTheSameEvent(RehabEvent event, String pinned) throws Exception {
        assertThat(JSON.readValue(pinned, event.getClass())).isEqualTo(event);
    }

    /**
     * The relay publishes the payload as stored: its envelope must be, character for character, the envelope of the
     * event read back.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theEnvelopeOfAStoredPayloadIsTheEnvelopeOfItsEvent(RehabEvent event, String pinned) throws Exception {
        String stored = JSON.writeValueAsString(event);
        for (Instant recordedAt : List.of(Instant.EPOCH, Instant.parse("2026-11-24T17:05:01.250Z"),
                Instant.parse("2026-11-24T17:05:01.250001Z"), Instant.parse("2026-11-24T17:05:01.000000007Z"))) {
            for (Actor actor : Arrays.asList(new Actor("coach-1", "clinician"), new Actor("a\"d\\a", null), null)) {
                String ofEvent = JSON.writeValueAsString(EventEnvelope.of("store-id", event, 4, recordedAt, actor, JSON));
                String ofStored = EventEnvelope.writeStored("store-id", event.getClass(), event.athleteId().value(), 4,
                        recordedAt, actor, stored, () -> event, JSON);
                assertThat(ofStored).isEqualTo(ofEvent);
                assertThat(EventEnvelope.read(ofStored, JSON).event(JSON)).isEqualTo(event);
            }
        }
    }

    /** Analytics reads envelopes in one pass: every event type reads back the same as through the tree. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void anEnvelopeReadInOnePassGivesItsEvent(RehabEvent event, String pinned) throws Exception {
        String text = JSON.writeValueAsString(EventEnvelope.of("store-id", event, 4, Instant.EPOCH, null, JSON));
        assertThat(EventEnvelope.readEvent(text, JSON).event()).isEqualTo(event)
                .isEqualTo(EventEnvelope.read(text, JSON).event(JSON));
    }

    @org.junit.jupiter.api.Test
    void aStoredPayloadThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> EventEnvelope.writeStored("store-id", HoldCompleted.class, "ada", 4, Instant.EPOCH,
                null, "[1, 2]", () -> null, JSON)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void everyEventTypeIsPinned() {
        assertThat(events().map(a -> a.get()[0].getClass()).distinct().count())
                .isEqualTo(RehabEvent.class.getPermittedSubclasses().length);
    }
}
