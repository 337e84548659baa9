package app.stamina.command.http;

import app.stamina.command.CommandHttpTest;
import app.stamina.command.http.Http.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static app.stamina.command.http.Bodies.enrollment;
import static app.stamina.command.http.Bodies.hold;
import static app.stamina.command.http.Bodies.id;
import static app.stamina.command.http.Bodies.nov;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed input is refused with 400 {@code invalid-request} naming the field, never a 500, and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends CommandHttpTest {

    private static final String ATHLETE = "bad-input-athlete";

    Http http;

    @BeforeAll
    void enroll() {
        http = new Http(port);
        http.post("/api/v1/athletes/" + ATHLETE + "/enrollment", enrollment(id()));
    }

    static Stream<Arguments> malformed() {
        String inAnHour = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString();
        String hold = hold("11111111-2222-3333-4444-555555555555", nov(3), 95);
        return Stream.of(
                Arguments.of("holds", hold.replace("\"durationSeconds\":95", "\"durationSeconds\":0"), "durationSeconds"),
                Arguments.of("holds", hold.replace("\"durationSeconds\":95", "\"durationSeconds\":901"), "durationSeconds"),
                Arguments.of("holds", hold.replace("\"durationSeconds\":95", "\"durationSeconds\":-5"), "durationSeconds"),
                Arguments.of("holds", hold.replace("\"pain\":1", "\"pain\":14"), "pain"),
                Arguments.of("holds", hold.replace("\"pain\":1", "\"pain\":2.5"), "pain"),
                Arguments.of("holds", hold.replace("\"pain\":1", "\"pain\":\"3\""), "pain"),
                Arguments.of("holds", hold.replace("\"durationSeconds\":95", "\"durationSeconds\":\"95\""), "durationSeconds"),
                Arguments.of("holds", hold.replace("\"durationSeconds\":95", "\"durationSeconds\":99999999999"), "durationSeconds"),
                Arguments.of("holds", hold.replace(",\"pain\":1", ""), "pain"),
                Arguments.of("holds", hold.replace("\"eventId\":\"11111111-2222-3333-4444-555555555555\",", ""), "eventId"),
                Arguments.of("holds", hold.replace("11111111-2222-3333-4444-555555555555", "not-a-uuid"), "eventId"),
                Arguments.of("holds", hold.replace(nov(3), inAnHour), "occurredAt"),
                Arguments.of("holds", hold.replace(nov(3), "2026-11-03T18:00:00"), "occurredAt"),
                Arguments.of("holds", hold.replace(nov(3), "yesterday"), "occurredAt"),
                Arguments.of("holds", hold.replace("\"placement\":\"none\"", "\"placement\":\"behind\""), "placement"),
                Arguments.of("holds", hold.replace("\"placement\":\"none\"", "\"placement\":\"left\""), "placement"),
                Arguments.of("holds", hold.replace("\"placement\":\"none\"",
                        "\"placement\":\"left\",\"load\":{\"value\":10,\"unit\":\"stone\"}"), "load.unit"),
                Arguments.of("holds", hold.replace("\"placement\":\"none\"",
                        "\"placement\":\"left\",\"load\":{\"value\":-10,\"unit\":\"kg\"}"), "load.value"),
                Arguments.of("holds", hold.replace("\"placement\":\"none\"",
                        "\"placement\":\"left\",\"load\":{\"value\":1001,\"unit\":\"kg\"}"), "load.value"),
                Arguments.of("holds", hold.replace("\"placement\":\"none\"",
                        "\"placement\":\"left\",\"load\":{\"value\":2300,\"unit\":\"lb\"}"), "load.value"),
                Arguments.of("holds", hold.replace("\"placement\":\"none\"",
                        "\"placement\":\"left\",\"load\":{\"value\":1e-9999,\"unit\":\"kg\"}"), "load.value"),
                Arguments.of("holds", hold.replace("\"neutralHeld\":true", "\"neutralHeld\":\"yes\""), "neutralHeld"),
                Arguments.of("reps", """
                        {"eventId":"%s","occurredAt":"%s","lift":"Dead Lift","set":1,"rep":3,
                         "load":{"value":135,"unit":"lb"},"inCommand":true,"beltUsed":false,"pain":1}"""
                        .formatted(id(), nov(3)), "lift"),
                Arguments.of("reps", """
                        {"eventId":"%s","occurredAt":"%s","lift":"deadlift","set":21,"rep":3,
                         "load":{"value":135,"unit":"lb"},"inCommand":true,"beltUsed":false,"pain":1}"""
                        .formatted(id(), nov(3)), "set"),
                Arguments.of("reps", """
                        {"eventId":"%s","occurredAt":"%s","lift":"deadlift","set":1,"rep":101,
                         "load":{"value":135,"unit":"lb"},"inCommand":true,"beltUsed":false,"pain":1}"""
                        .formatted(id(), nov(3)), "rep"),
                Arguments.of("setbacks", """
                        {"eventId":"%s","occurredAt":"%s","severity":"catastrophic","symptoms":["spasm"]}"""
                        .formatted(id(), nov(3)), "severity"),
                Arguments.of("setbacks", """
                        {"eventId":"%s","occurredAt":"%s","severity":"mild","symptoms":["itch"]}"""
                        .formatted(id(), nov(3)), "symptoms[0]"),
                Arguments.of("setbacks", """
                        {"eventId":"%s","occurredAt":"%s","severity":"mild","symptoms":[]}"""
                        .formatted(id(), nov(3)), "symptoms"),
                Arguments.of("setbacks", """
                        {"eventId":"%s","occurredAt":"%s","severity":"mild","symptoms":["spasm"],"note":"%s"}"""
                        .formatted(id(), nov(3), "x".repeat(2001)), "note"),
                Arguments.of("working-loads", """
                        {"eventId":"%s","lift":"deadlift"}""".formatted(id()), "load"),
                Arguments.of("load-increases", """
                        {"eventId":"%s","lift":"deadlift","toLoad":{"value":155}}""".formatted(id()), "toLoad.unit"),
                Arguments.of("resume", "{\"note\":\"cleared\"}", "eventId"),
                Arguments.of("holds", "[1,2,3]", "body"),
                Arguments.of("holds", "{\"eventId\": ", "body"),
                Arguments.of("holds", "", "body"));
    }

    @ParameterizedTest(name = "{0} {2}: {1}")
    @MethodSource("malformed")
    void malformedInputIsInvalidRequestNamingTheField(String command, String body, String field) {
        long before = storedEvents();
        Reply reply = http.post("/api/v1/athletes/" + ATHLETE + "/" + command, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invalid-request");
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("errors").findValuesAsText("field")).as(reply.toString()).contains(field);
        assertThat(storedEvents()).isEqualTo(before);
    }

    static Stream<Arguments> malformedEnrollments() {
        String enrollment = enrollment("11111111-2222-3333-4444-555555555555");
        return Stream.of(
                Arguments.of(enrollment.replace("\"female\"", "\"f\""), "sex"),
                Arguments.of(enrollment.replace("\"herniated-disc\"", "\"broken\""), "condition"),
                Arguments.of(enrollment.replace("\"surgery\":\"none\"", "\"surgery\":\"laser\""), "surgery"),
                Arguments.of(enrollment.replace("Europe/Amsterdam", "Mars/Olympus"), "timeZone"),
                Arguments.of(enrollment.replace("2026-06-01", "2099-06-01"), "injuryDate"),
                Arguments.of(enrollment.replace("1988", "2099"), "birthYear"),
                Arguments.of(enrollment.replace("2026-11-02T09:00:00+01:00", "1700-01-01T00:00:00Z"), "enrolledAt"),
                Arguments.of(enrollment.replace("\"tags\":[\"study:lbp-2026\",\"arm:B\"]", "\"tags\":[\"\"]"), "tags[0]"),
                Arguments.of(enrollment.replace("\"unit\":\"lb\"", "\"unit\":\"pounds\""), "priorMaxima[0].load.unit"),
                Arguments.of(enrollment.replace(",\"sex\":\"female\"", ""), "sex"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformedEnrollments")
    void malformedEnrollmentsAreInvalid(String body, String field) {
        Reply reply = http.post("/api/v1/athletes/new-" + field.replaceAll("[^a-z]", "") + "/enrollment", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).as(reply.toString()).contains(field);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"has%20space", "caf%C3%A9", "dots.not.allowed",
            "x1234567890123456789012345678901234567890123456789012345678901234"})
    void aBadAthleteIdIsInvalid(String athleteId) {
        Reply reply = http.post("/api/v1/athletes/" + athleteId + "/holds", hold(id(), nov(3), 95));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).contains("athleteId");
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedBeforeItIsRead() {
        String big = hold(id(), nov(3), 95).replace("\"pain\":1", "\"pain\":1,\"padding\":\"" + "x".repeat(1_100_000) + "\"");
        Reply reply = http.post("/api/v1/athletes/" + ATHLETE + "/holds", big);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("payload-too-large");
    }

    @Test
    void aBodyOverOneMebibyteWithoutALengthIsRefusedToo() {
        String big = hold(id(), nov(3), 95).replace("\"pain\":1", "\"pain\":1,\"padding\":\"" + "x".repeat(1_100_000) + "\"");
        Reply reply = http.send(HttpRequest.newBuilder(http.uri("/api/v1/athletes/" + ATHLETE + "/holds"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()))));
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("payload-too-large");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupportedMediaType() {
        Reply reply = http.send(HttpRequest.newBuilder(http.uri("/api/v1/athletes/" + ATHLETE + "/holds"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hold 95 s")));
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.code()).isEqualTo("unsupported-media-type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "garbage", "/json"})
    void aContentTypeThatNamesNoConcreteTypeIsUnsupportedMediaType(String contentType) {
        Reply reply = http.send(HttpRequest.newBuilder(http.uri("/api/v1/athletes/" + ATHLETE + "/holds"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(hold(id(), nov(3), 61))));
        assertThat(reply.status()).as(contentType).isEqualTo(415);
        assertThat(reply.code()).isEqualTo("unsupported-media-type");
    }

    @Test
    void aWrongMethodIsMethodNotAllowed() {
        Reply reply = http.send(HttpRequest.newBuilder(http.uri("/api/v1/athletes/" + ATHLETE + "/holds")).GET());
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.code()).isEqualTo("method-not-allowed");
    }

    @Test
    void anUnknownPathIsNotFound() {
        Reply reply = http.post("/api/v1/athletes/" + ATHLETE + "/somersaults", "{}");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("not-found");
    }

}
