package app.stamina.api;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * An enum whose wire form is its kebab-case name ({@code HERNIATED_DISC} is {@code "herniated-disc"}).
 * Jackson reads and writes the code through {@link #code()}, so the contract lives in the constant names.
 */
public interface Coded {

    String name();

    int ordinal();

    /** The code, made once per constant: every answer and stored event writes its enums through this. */
    @JsonValue
    default String code() {
        return Codes.OF_ENUM.get(getClass())[ordinal()];
    }

    /** The kebab-case form of a constant's name. */
    static String codeOf(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
