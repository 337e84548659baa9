package app.stamina.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** An athlete's id: 1 to 64 characters of {@code A-Z a-z 0-9 _ -}. It is also the aggregate id. */
public record AthleteId(String value) {

    public static final String PATTERN = "[A-Za-z0-9_-]{1,64}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public AthleteId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("an athlete id is 1 to 64 characters of A-Z a-z 0-9 _ -");
        }
    }

    @JsonCreator
    public static AthleteId of(String value) {
        return new AthleteId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon uses this as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
