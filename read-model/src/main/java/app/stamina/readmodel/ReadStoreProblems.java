package app.stamina.readmodel;

import app.stamina.api.ErrorCode;
import app.stamina.edge.Problems;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A read side whose MongoDB cannot be reached answers 503 {@code read-store-unavailable} with {@code Retry-After},
 * as soon as the driver gives up selecting a server ({@code stamina.mongodb.timeout}), rather than a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadStoreProblems {

    private static final Logger log = LoggerFactory.getLogger(ReadStoreProblems.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler({MongoTimeoutException.class, MongoSocketException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        log.warn("the read models cannot be reached: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.READ_STORE_UNAVAILABLE,
                        "the read models cannot be reached just now; ask again after Retry-After seconds"));
    }
}
