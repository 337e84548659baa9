package app.stamina.command.http;

import app.stamina.api.ErrorCode;
import app.stamina.command.program.AlreadyEnrolled;
import app.stamina.command.program.MalformedFact;
import app.stamina.command.program.ProtocolRefusal;
import app.stamina.edge.FieldError;
import app.stamina.edge.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** The write side's own answers: refusals (422), conflicts (409), unknown athletes (404), impossible facts (400). */
@RestControllerAdvice(basePackageClasses = CommandProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblems {

    static ProblemDetail refusal(ProtocolRefusal refusal) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, refusal.code(), refusal.getMessage());
        refusal.details().forEach(problem::setProperty);
        return problem;
    }

    static ProblemDetail alreadyEnrolled(AlreadyEnrolled enrolled) {
        return Problems.of(HttpStatus.CONFLICT, ErrorCode.ALREADY_ENROLLED, enrolled.getMessage());
    }

    static ProblemDetail eventIdConflict(Object eventId) {
        return Problems.of(HttpStatus.CONFLICT, ErrorCode.EVENT_ID_CONFLICT,
                "eventId " + eventId + " was already used for a different write");
    }

    @ExceptionHandler(MalformedFact.class)
    ProblemDetail malformed(MalformedFact e) {
        return Problems.invalid(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ProtocolRefusal.class)
    ProblemDetail refused(ProtocolRefusal e) {
        return refusal(e);
    }

    @ExceptionHandler(AlreadyEnrolled.class)
    ProblemDetail enrolledTwice(AlreadyEnrolled e) {
        return alreadyEnrolled(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail athleteNotFound(AggregateNotFoundException e) {
        return Problems.athleteNotFound(String.valueOf(e.getAggregateIdentifier()));
    }
}
