package app.stamina.command.program;

import app.stamina.api.Lift;
import app.stamina.api.Load;
import app.stamina.api.Milestone;
import app.stamina.api.Phase;
import app.stamina.api.Reason;
import app.stamina.api.Severity;
import app.stamina.api.Symptom;
import app.stamina.api.command.ConfirmRep;
import app.stamina.api.command.RecordHold;
import app.stamina.api.command.RecordOfflineSession;
import app.stamina.api.command.ReportSetback;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static app.stamina.command.program.Comeback.ADA;
import static app.stamina.command.program.Comeback.enroll;
import static app.stamina.command.program.Comeback.hold;
import static app.stamina.command.program.Comeback.nov;
import static app.stamina.command.program.Comeback.setback;

class OfflineSessionTest {

    private AggregateTestFixture<RehabProgram> fixture;

    @BeforeEach
    void setUp() {
        fixture = FixtureSupport.programFixture();
    }

    @Test
    void everyFactIsAnsweredInOrderAndAMalformedOneDoesNotStopTheRest() {
        RecordHold beforeEnrollment = hold(nov(1), 61);
        RecordHold hold = hold(nov(3), 95);
        ConfirmRep rep = new ConfirmRep(ADA, UUID.randomUUID(), nov(3), Lift.BENCH_PRESS, 1, 1, Load.kg("20"), true,
                false, 0);
        ReportSetback setback = setback(nov(4), Severity.MILD, Symptom.STIFFNESS);
        fixture.givenCommands(enroll())
                .when(new RecordOfflineSession(ADA, List.of(beforeEnrollment, hold, rep, setback)))
                .expectResultMessagePayload(List.of(
                        new FactResult.Rejected(beforeEnrollment.eventId(), "occurredAt",
                                "is before the athlete's enrollment at 2026-11-02T08:00:00Z"),
                        new FactResult.Recorded(new Outcome.HoldRecorded(hold.eventId(), 4, true, List.of(),
                                List.of(Milestone.HOLD_60S, Milestone.HOLD_90S), Phase.STAMINA)),
                        new FactResult.Recorded(new Outcome.RepRecorded(rep.eventId(), 5, false,
                                List.of(Reason.OFF_WORKING_LOAD), List.of())),
                        new FactResult.Recorded(new Outcome.SetbackRecorded(setback.eventId(), 6,
                                List.of("eligibility-reset"), Phase.STAMINA))));
    }
}
