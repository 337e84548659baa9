package app.stamina.command.program;

/**
 * A well-shaped request that still cannot be true for this athlete, such as a hold before their enrollment.
 * Answered as 400 {@code invalid-request} with {@link #field()} in the errors.
 */
public class MalformedFact extends RuntimeException implements Refusal {

    private final String field;

    public MalformedFact(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
