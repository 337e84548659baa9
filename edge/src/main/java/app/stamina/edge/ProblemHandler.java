package app.stamina.edge;

import app.stamina.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;

/**
 * Every failure becomes a problem answer with a stable {@code code}; nothing a client sends becomes a 500. Services
 * answer their own exceptions in advice of higher precedence; this one takes what is left.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Map<Integer, ErrorCode> CODE_BY_STATUS = Map.of(
            400, ErrorCode.INVALID_REQUEST,
            404, ErrorCode.NOT_FOUND,
            405, ErrorCode.METHOD_NOT_ALLOWED,
            413, ErrorCode.PAYLOAD_TOO_LARGE,
            415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest e) {
        return Problems.invalid(e.errors());
    }

    @ExceptionHandler(AthleteNotFound.class)
    ProblemDetail athleteNotFound(AthleteNotFound e) {
        return Problems.athleteNotFound(e.athleteId());
    }

    /** A request the firewall will not read (a parameter name of control characters, say): it is malformed. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldError("request",
                "is malformed: its parameters or path contain characters that are not allowed"))));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
                "something went wrong on our side; the write may be retried with the same eventId");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(Problems.payloadTooLarge(BodySizeLimit.LIMIT));
            }
        }
        return ResponseEntity.badRequest()
                .body(Problems.invalid(List.of(new FieldError("body", "is missing or not valid JSON"))));
    }

    /** Spring's own problems (405, 415, 404 for unknown paths...) get a {@code code} too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            ErrorCode code = CODE_BY_STATUS.getOrDefault(status.value(),
                    status.is5xxServerError() ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST);
            problem.setProperty("code", code.code());
            if (code == ErrorCode.INVALID_REQUEST) {
                problem.setProperty("errors", List.of(new FieldError("request", String.valueOf(problem.getDetail()))));
            }
        }
        return response;
    }
}
