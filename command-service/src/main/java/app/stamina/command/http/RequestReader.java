package app.stamina.command.http;

import app.stamina.api.Coded;
import app.stamina.edge.FieldError;
import app.stamina.edge.InvalidRequest;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a JSON body into a request record and checks its shape with Bean Validation. Everything wrong is reported
 * by field; nothing a client sends gets past here as an exception of another kind.
 */
@Component
public class RequestReader {

    private final ObjectMapper json;
    private final Validator validator;

    public RequestReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw InvalidRequest.of("body", "must be a JSON object");
        }
        T request;
        try {
            request = json.treeToValue(body, type);
        } catch (JsonMappingException e) {
            throw InvalidRequest.of(pathOf(e), messageOf(e));
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw InvalidRequest.of("body", "could not be read");
        }
        List<FieldError> errors = validator.validate(request).stream()
                .map(RequestReader::toFieldError)
                .sorted()
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return request;
    }

    private static FieldError toFieldError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replaceAll("\\.<[a-z ]+>", "");
        return new FieldError(path, violation.getMessage());
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String messageOf(JsonMappingException e) {
        Class<?> target = e instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
        if (e instanceof InvalidFormatException && target != null && target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants())
                    .map(constant -> ((Coded) constant).code())
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (target == ZoneId.class) {
            return "must be an IANA time zone id, such as Europe/Amsterdam";
        }
        if (target == LocalDate.class) {
            return "must be a date, such as 2026-06-01";
        }
        if (target == OffsetDateTime.class) {
            return "must be an ISO-8601 instant with an offset, such as 2026-11-24T18:05:00+01:00";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            return e.getCause().getMessage();
        }
        return target != null ? "must be " + describe(target) : "is not a valid value";
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        return "a " + type.getSimpleName();
    }
}
