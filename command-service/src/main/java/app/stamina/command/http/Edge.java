package app.stamina.command.http;

import app.stamina.api.Load;
import app.stamina.api.ProtocolRules;
import app.stamina.edge.InvalidRequest;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The checks at the edge that need the clock or the protocol's limits. */
@Component
class Edge {

    private static final BigDecimal MAX_LOAD_KG = new BigDecimal("1000");

    private final Clock clock;
    private final ProtocolRules rules;

    Edge(Clock clock, ProtocolRules rules) {
        this.clock = clock;
        this.rules = rules;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    void requireNotInFuture(String field, OffsetDateTime instant) {
        if (instant.toInstant().isAfter(clock.instant().plus(rules.futureTolerance()))) {
            throw InvalidRequest.of(field, "is more than " + rules.futureTolerance().toMinutes() + " minutes in the future");
        }
    }

    void requireNotAfterToday(String field, LocalDate date, ZoneId zone) {
        if (date.isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw InvalidRequest.of(field, "is in the future");
        }
    }

    void requireNotAfterThisYear(String field, int year) {
        if (year > LocalDate.now(clock).getYear()) {
            throw InvalidRequest.of(field, "is in the future");
        }
    }

    /** Nothing in a program happens before the athlete was born. */
    void requireNotBeforeYear(String field, int year, int birthYear) {
        if (year < birthYear) {
            throw InvalidRequest.of(field, "is before the athlete's birth year");
        }
    }

    void requireAtMostMaxLoad(String field, Load load) {
        if (load.kg().compareTo(MAX_LOAD_KG) > 0) {
            throw InvalidRequest.of(field + ".value", "must be at most 1000 kg");
        }
    }
}
