package app.stamina.api;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * An enum whose wire form is its kebab-case name ({@code HERNIATED_DISC} is {@code "herniated-disc"}).
 * Jackson reads and writes the code through {@link #code()}, so the contract lives in the constant names.
 */
public interface Coded {

    String name();

    @JsonValue
    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
