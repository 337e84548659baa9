package app.stamina.command.http;

import java.util.UUID;

/** Request bodies of API.md, as a client writes them. Ada enrolled on Monday 2 November 2026 in Amsterdam. */
final class Bodies {

    static final String ENROLLED_AT = "2026-11-02T09:00:00+01:00";

    private Bodies() {
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static String nov(int day) {
        return "2026-11-%02dT18:00:00+01:00".formatted(day);
    }

    static String enrollment(String eventId) {
        return """
                {"eventId":"%s","birthYear":1988,"sex":"female","condition":"herniated-disc","surgery":"none",
                 "injuryDate":"2026-06-01","timeZone":"Europe/Amsterdam","enrolledAt":"%s",
                 "priorMaxima":[{"lift":"deadlift","load":{"value":315,"unit":"lb"}}],"tags":["study:lbp-2026","arm:B"]}"""
                .formatted(eventId, ENROLLED_AT);
    }

    static String hold(String eventId, String at, int seconds) {
        return """
                {"eventId":"%s","occurredAt":"%s","durationSeconds":%d,"placement":"none","neutralHeld":true,"pain":1}"""
                .formatted(eventId, at, seconds);
    }

    static String loadedHold(String eventId, String at, int seconds, String placement) {
        return """
                {"eventId":"%s","occurredAt":"%s","durationSeconds":%d,"load":{"value":10,"unit":"kg"},
                 "placement":"%s","neutralHeld":true,"pain":1}""".formatted(eventId, at, seconds, placement);
    }

    static String rep(String eventId, String at, int set, int rep, String pounds, boolean belt) {
        return """
                {"eventId":"%s","occurredAt":"%s","lift":"deadlift","set":%d,"rep":%d,
                 "load":{"value":%s,"unit":"lb"},"inCommand":true,"beltUsed":%s,"pain":1}"""
                .formatted(eventId, at, set, rep, pounds, belt);
    }

    static String workingLoad(String eventId, String lift, String value, String unit) {
        return """
                {"eventId":"%s","lift":"%s","load":{"value":%s,"unit":"%s"}}""".formatted(eventId, lift, value, unit);
    }

    static String loadIncrease(String eventId, String lift, String value, String unit) {
        return """
                {"eventId":"%s","lift":"%s","toLoad":{"value":%s,"unit":"%s"}}""".formatted(eventId, lift, value, unit);
    }

    static String setback(String eventId, String at, String severity, String symptoms) {
        return """
                {"eventId":"%s","occurredAt":"%s","severity":"%s","symptoms":[%s],"note":"felt a twinge"}"""
                .formatted(eventId, at, severity, symptoms);
    }

    static String resume(String eventId) {
        return """
                {"eventId":"%s","note":"seen in clinic, cleared"}""".formatted(eventId);
    }

    /** A sync entry: a body above with its {@code type}. */
    static String entry(String type, String body) {
        return "{\"type\":\"" + type + "\"," + body.strip().substring(1);
    }

    /** The holds that open the strength gate on Friday 13 November (see the aggregate's tests). */
    static String syncToStrength() {
        return """
                {"entries":[%s,%s,%s,%s,%s,%s]}""".formatted(
                entry("hold", hold(id(), nov(2), 125)), entry("hold", hold(id(), nov(4), 125)),
                entry("hold", hold(id(), nov(6), 125)), entry("hold", loadedHold(id(), nov(9), 65, "symmetric")),
                entry("hold", loadedHold(id(), nov(11), 62, "left")),
                entry("hold", loadedHold(id(), nov(13), 61, "right")));
    }
}
