package app.stamina.query.http;

import app.stamina.api.ErrorCode;
import app.stamina.edge.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The read side's own answer: 503 {@code not-caught-up} with {@code Retry-After}. */
@RestControllerAdvice(basePackages = "app.stamina.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    static final String RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler(NotCaughtUp.class)
    ResponseEntity<ProblemDetail> notCaughtUp(NotCaughtUp e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.NOT_CAUGHT_UP, e.getMessage()));
    }
}
