package app.stamina.edge;

import app.stamina.api.ErrorCode;
import app.stamina.api.StaminaJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import java.io.IOException;
import java.util.List;

/** RFC 9457 problem details with the extra member {@code code}, built in one place for every answer. */
public final class Problems {

    private static final ObjectMapper JSON = withProblemDetails(StaminaJson.mapper());

    private Problems() {
    }

    /** Teaches a mapper to write a problem's properties as top-level members, as RFC 9457 wants. */
    public static ObjectMapper withProblemDetails(ObjectMapper mapper) {
        return mapper.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    }

    public static ProblemDetail of(HttpStatus status, ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code.code());
        return problem;
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_REQUEST, "the request is malformed");
        problem.setProperty("errors", errors.stream().sorted().toList());
        return problem;
    }

    public static ProblemDetail athleteNotFound(String athleteId) {
        return of(HttpStatus.NOT_FOUND, ErrorCode.ATHLETE_NOT_FOUND, "no athlete " + athleteId + " is enrolled");
    }

    public static ProblemDetail payloadTooLarge(long limit) {
        return of(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE,
                "the request body is larger than " + limit + " bytes");
    }

    /** For answers written outside Spring MVC, such as from a servlet filter. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
