package app.stamina.query.http;

import app.stamina.edge.InvalidRequest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query-string values, read strictly: a malformed one is a 400 that names it. */
public final class QueryParams {

    private QueryParams() {
    }

    public static Long optionalLong(String name, String raw, long min) {
        if (raw == null) {
            return null;
        }
        try {
            long value = Long.parseLong(raw);
            if (value < min) {
                throw InvalidRequest.of(name, "must be at least " + min);
            }
            return value;
        } catch (NumberFormatException e) {
            throw InvalidRequest.of(name, "must be a whole number");
        }
    }

    public static int optionalInt(String name, String raw, int min, int max, int fallback) {
        Long value = optionalLong(name, raw, min);
        if (value == null) {
            return fallback;
        }
        if (value > max) {
            throw InvalidRequest.of(name, "must be at most " + max);
        }
        return value.intValue();
    }

    public static LocalDate optionalDate(String name, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of(name, "must be a date, such as 2026-09-01");
        }
    }
}
