package app.stamina.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** A lift, named by its code: 1 to 40 characters of {@code a-z 0-9 -} ({@code deadlift}, {@code bent-over-row}). */
public record Lift(String code) {

    public static final String PATTERN = "[a-z0-9-]{1,40}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public static final Lift DEADLIFT = new Lift("deadlift");
    public static final Lift BENT_OVER_ROW = new Lift("bent-over-row");
    public static final Lift SQUAT = new Lift("squat");
    public static final Lift GOOD_MORNING = new Lift("good-morning");
    public static final Lift BENCH_PRESS = new Lift("bench-press");

    public Lift {
        if (code == null || !VALID.matcher(code).matches()) {
            throw new IllegalArgumentException("a lift code is 1 to 40 characters of a-z 0-9 -");
        }
    }

    @JsonCreator
    public static Lift of(String code) {
        return new Lift(code);
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
