package app.stamina.api.envelope;

import app.stamina.api.AthleteId;
import app.stamina.api.Milestone;
import app.stamina.api.StaminaJson;
import app.stamina.api.event.MilestoneReached;
import app.stamina.api.event.RehabEvent;
import app.stamina.api.event.SetbackReported;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class EventEnvelopeTest {

    private static final ObjectMapper JSON = StaminaJson.mapper();
    private static final MilestoneReached EVENT = new MilestoneReached(AthleteId.of("ada"),
            OffsetDateTime.parse("2026-11-24T18:05:00+01:00"), Milestone.HOLD_60S,
            UUID.fromString("0b8e4f62-1a3c-4d5e-8f70-9a1b2c3d4e5f"));

    @Test
    void theEnvelopeIsWrittenInItsPinnedForm() throws Exception {
        EventEnvelope envelope = EventEnvelope.of("7d5e0a2c-7b0f-4a44-9d7e-3c1f0e9b2a61", EVENT, 3,
                Instant.parse("2026-11-24T17:05:01.250Z"), new Actor("ada", "athlete"), JSON);
        JSONAssert.assertEquals("""
                {"eventId":"7d5e0a2c-7b0f-4a44-9d7e-3c1f0e9b2a61","type":"MilestoneReached","athleteId":"ada",
                 "version":3,"occurredAt":"2026-11-24T18:05:00+01:00","recordedAt":"2026-11-24T17:05:01.250Z",
                 "actor":{"sub":"ada","role":"athlete"},
                 "payload":{"athleteId":"ada","occurredAt":"2026-11-24T18:05:00+01:00","milestone":"hold-60s",
                            "causedBy":"0b8e4f62-1a3c-4d5e-8f70-9a1b2c3d4e5f"}}""",
                JSON.writeValueAsString(envelope), JSONCompareMode.STRICT);
    }

    @Test
    void anEnvelopeReadsBackToItsEvent() throws Exception {
        String text = JSON.writeValueAsString(EventEnvelope.of("x", EVENT, 3, Instant.EPOCH, null, JSON));
        assertThat(EventEnvelope.read(text, JSON).event(JSON)).isEqualTo(EVENT);
    }

    @Test
    void anEnvelopeReadInOnePassHasTheSameEventAndFields() throws Exception {
        String text = JSON.writeValueAsString(EventEnvelope.of("x", EVENT, 3, Instant.parse("2026-11-24T17:05:01.250Z"),
                new Actor("ada", "athlete"), JSON));
        EventEnvelope.Received received = EventEnvelope.readEvent(text, JSON);
        assertThat(received.event()).isEqualTo(EVENT);
        EventEnvelope tree = EventEnvelope.read(text, JSON);
        assertThat(received.envelope()).usingRecursiveComparison().ignoringFields("payload").isEqualTo(tree);
        assertThat(JSON.writeValueAsString(received.envelope())).as("the payload kept as it came").isEqualTo(text);
    }

    /** Both readers refuse the same messages: an unknown type, text that is not JSON, a malformed payload. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"eventId\":\"x\",\"type\":\"Teleported\",\"athleteId\":\"ada\",\"version\":1,\"payload\":{}}",
            "{not json",
            "[1, 2]",
            "{\"eventId\":\"x\",\"type\":\"HoldCompleted\",\"athleteId\":\"ada\",\"version\":1,"
                    + "\"payload\":{\"durationSeconds\":\"long\"}}",
            "{\"eventId\":\"x\",\"type\":\"HoldCompleted\",\"athleteId\":\"ada\",\"version\":\"one\",\"payload\":{}}",
            "{\"type\":\"MilestoneReached\",\"athleteId\":\"ada\",\"version\":1,\"payload\":{\"athleteId\":\"ada\"}}",
            "{\"eventId\":\"x\",\"type\":\"HoldCompleted\",\"athleteId\":\"ada\",\"version\":1,\"payload\":[]}"})
    void anUnknownTypeOrAMalformedMessageIsUnreadable(String message) {
        assertThatThrownBy(() -> EventEnvelope.read(message, JSON).event(JSON))
                .isInstanceOf(EventEnvelope.UnreadableEvent.class);
        assertThatThrownBy(() -> EventEnvelope.readEvent(message, JSON))
                .isInstanceOf(EventEnvelope.UnreadableEvent.class);
    }

    /**
     * The one-pass reader reads the envelope's own fields with the parser where they have their usual shape: in any
     * other (another ISO form of an instant, a number where text belongs, an extra field, a null) it reads them as
     * the mapper does, so both readers accept and refuse the same envelopes, and read the same fields from them.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "\"occurredAt\":\"2026-11-24T18:05+01:00\"",
            "\"occurredAt\":\"2026-11-24T18:05:00.5-03:30\"",
            "\"occurredAt\":\"tomorrow\"",
            "\"recordedAt\":\"2026-11-24T17:05:01.250Z\"",
            "\"recordedAt\":\"2026-11-24T18:05:01+01:00\"",
            "\"recordedAt\":1764003901",
            "\"actor\":{\"sub\":\"ada\",\"role\":\"athlete\",\"via\":{\"app\":\"phone\"}}",
            "\"actor\":{\"sub\":5,\"role\":\"athlete\"}",
            "\"actor\":{\"sub\":null}",
            "\"actor\":\"ada\"",
            "\"actor\":null",
            "\"eventId\":5",
            "\"eventId\":{\"id\":\"x\"}",
            "\"version\":\"7\"",
            "\"version\":1.5",
            "\"version\":99999999999999999999",
            "\"athleteId\":\"not an id!\"",
            "\"athleteId\":7"})
    void aFieldInAnotherShapeReadsAsTheMapperReadsIt(String field) throws Exception {
        String name = field.substring(1, field.indexOf('"', 1));
        ObjectNode fields = (ObjectNode) JSON.readTree(JSON.writeValueAsString(EventEnvelope.of("x", EVENT, 3,
                Instant.parse("2026-11-24T17:05:01Z"), new Actor("ada", "athlete"), JSON)));
        fields.set(name, JSON.readTree("{" + field + "}").get(name));
        String message = JSON.writeValueAsString(fields);

        Throwable treeRefusal = catchThrowable(() -> EventEnvelope.read(message, JSON).event(JSON));
        Throwable onePassRefusal = catchThrowable(() -> EventEnvelope.readEvent(message, JSON));
        assertThat(onePassRefusal == null).as("read by one reader and refused by the other: %s", message)
                .isEqualTo(treeRefusal == null);
        if (treeRefusal == null) {
            EventEnvelope.Received received = EventEnvelope.readEvent(message, JSON);
            assertThat(received.envelope()).usingRecursiveComparison().ignoringFields("payload")
                    .isEqualTo(EventEnvelope.read(message, JSON));
            assertThat(received.event()).isEqualTo(EVENT);
        } else {
            assertThat(onePassRefusal).isInstanceOf(EventEnvelope.UnreadableEvent.class);
        }
    }

    @Test
    void anUnknownTypeIsNamed() {
        String teleported = "{\"eventId\":\"x\",\"type\":\"Teleported\",\"athleteId\":\"ada\",\"version\":1,\"payload\":{}}";
        assertThatThrownBy(() -> EventEnvelope.readEvent(teleported, JSON)).hasMessageContaining("Teleported");
    }

    @ParameterizedTest
    @CsvSource({"numbness, true", "stiffness, false"})
    void aSetbackPublishedBeforeRevision2ReadsWithItsRedFlagWorkedOut(String symptom, boolean redFlagged) throws Exception {
        String revision1 = """
                {"eventId":"x","type":"SetbackReported","athleteId":"ada","version":7,
                 "occurredAt":"2026-11-24T18:05:00+01:00","recordedAt":"2026-11-24T17:05:01Z",
                 "payload":{"eventId":"6f1c2a9e-3b7d-4e0a-9c55-0d2f1b7e8a10","athleteId":"ada",
                            "occurredAt":"2026-11-24T18:05:00+01:00","severity":"mild","symptoms":["%s"],"note":null}}"""
                .formatted(symptom);
        for (RehabEvent event : List.of(EventEnvelope.read(revision1, JSON).event(JSON),
                EventEnvelope.readEvent(revision1, JSON).event())) {
            assertThat(event).isInstanceOf(SetbackReported.class);
            assertThat(((SetbackReported) event).redFlagged()).isEqualTo(redFlagged);
        }
    }
}
