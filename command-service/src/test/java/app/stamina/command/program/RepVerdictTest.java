package app.stamina.command.program;

import app.stamina.api.Lift;
import app.stamina.api.Load;
import app.stamina.api.Reason;
import app.stamina.api.command.ConfirmRep;
import app.stamina.api.event.RepConfirmed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static app.stamina.command.program.Comeback.ADA;
import static app.stamina.command.program.Comeback.beltedRep;
import static app.stamina.command.program.Comeback.enroll;
import static app.stamina.command.program.Comeback.nov;
import static app.stamina.command.program.Comeback.rep;
import static app.stamina.command.program.Comeback.withDeadliftAt135lb;

class RepVerdictTest {

    private AggregateTestFixture<RehabProgram> fixture;

    @BeforeEach
    void setUp() {
        fixture = FixtureSupport.programFixture();
    }

    @Test
    void aCleanRepAtTheWorkingLoadCounts() {
        ConfirmRep rep = rep(nov(16), 1, 1, Load.lb("135"));
        fixture.givenCommands(withDeadliftAt135lb())
                .when(rep)
                .expectEvents(confirmed(rep, true, List.of(), List.of()));
    }

    @Test
    void theSameWeightInAnotherUnitIsTheWorkingLoad() {
        ConfirmRep rep = rep(nov(16), 1, 1, Load.kg("61.23496995"));
        fixture.givenCommands(withDeadliftAt135lb())
                .when(rep)
                .expectEvents(confirmed(rep, true, List.of(), List.of()));
    }

    @Test
    void aRepWithABeltIsRecordedWithAWarningAndNeverCounts() {
        ConfirmRep rep = beltedRep(nov(16), 1, 1, Load.lb("135"));
        fixture.givenCommands(withDeadliftAt135lb())
                .when(rep)
                .expectEvents(confirmed(rep, false, List.of(Reason.BELT_USED), List.of(Reason.BELT_USED)))
                .expectResultMessagePayload(new Outcome.RepRecorded(rep.eventId(), 16, false,
                        List.of(Reason.BELT_USED), List.of(Reason.BELT_USED)));
    }

    @Test
    void aRepNotInCommandDoesNotCount() {
        ConfirmRep rep = new ConfirmRep(ADA, UUID.randomUUID(), nov(16), Lift.DEADLIFT, 1, 1, Load.lb("135"), false,
                false, 1);
        fixture.givenCommands(withDeadliftAt135lb())
                .when(rep)
                .expectEvents(confirmed(rep, false, List.of(Reason.NOT_IN_COMMAND), List.of()));
    }

    @Test
    void aRepWithPainAboveTheCeilingDoesNotCount() {
        ConfirmRep rep = new ConfirmRep(ADA, UUID.randomUUID(), nov(16), Lift.DEADLIFT, 1, 1, Load.lb("135"), true,
                false, 5);
        fixture.givenCommands(withDeadliftAt135lb())
                .when(rep)
                .expectEvents(confirmed(rep, false, List.of(Reason.PAIN_ABOVE_CEILING), List.of()));
    }

    @Test
    void aRepAtAnotherLoadThanTheWorkingLoadDoesNotCount() {
        ConfirmRep rep = rep(nov(16), 1, 1, Load.lb("95"));
        fixture.givenCommands(withDeadliftAt135lb())
                .when(rep)
                .expectEvents(confirmed(rep, false, List.of(Reason.OFF_WORKING_LOAD), List.of()));
    }

    @Test
    void aDeadliftInTheStaminaPhaseIsRecordedButDoesNotCount() {
        ConfirmRep rep = rep(nov(4), 1, 1, Load.lb("135"));
        fixture.givenCommands(enroll())
                .when(rep)
                .expectEvents(confirmed(rep, false,
                        List.of(Reason.STAMINA_BEFORE_STRENGTH, Reason.OFF_WORKING_LOAD), List.of()));
    }

    private static RepConfirmed confirmed(ConfirmRep rep, boolean counts, List<Reason> reasons, List<Reason> warnings) {
        return new RepConfirmed(rep.eventId(), ADA, rep.occurredAt(), rep.lift(), rep.set(), rep.rep(), rep.load(),
                rep.inCommand(), rep.beltUsed(), rep.pain(), counts, reasons, warnings);
    }
}
