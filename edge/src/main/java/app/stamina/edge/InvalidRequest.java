package app.stamina.edge;

import java.util.List;

/** The request is malformed; answered as 400 {@code invalid-request} with every error found. */
public class InvalidRequest extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super(errors.toString(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequest of(String field, String message) {
        return new InvalidRequest(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
