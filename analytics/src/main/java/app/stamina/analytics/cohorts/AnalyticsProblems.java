package app.stamina.analytics.cohorts;

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

/** Analytics' own answer: 503 {@code not-caught-up} with {@code Retry-After} until the cohort index is loaded. */
@RestControllerAdvice(basePackages = "app.stamina.analytics")
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnalyticsProblems {

    @ExceptionHandler(CohortsNotReady.class)
    ResponseEntity<ProblemDetail> notReady(CohortsNotReady e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.NOT_CAUGHT_UP, e.getMessage()));
    }
}
