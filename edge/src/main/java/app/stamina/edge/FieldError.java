package app.stamina.edge;

/** One thing wrong with a request, in the {@code errors} list of a 400 {@code invalid-request}. */
public record FieldError(String field, String message) implements Comparable<FieldError> {

    @Override
    public int compareTo(FieldError other) {
        int byField = field.compareTo(other.field);
        return byField != 0 ? byField : message.compareTo(other.message);
    }
}
