package app.stamina.command.program;

import app.stamina.api.ErrorCode;
import app.stamina.api.Lift;
import app.stamina.api.Load;
import app.stamina.api.command.SetWorkingLoad;
import app.stamina.api.event.LiftStatusChanged;
import app.stamina.api.event.WorkingLoadSet;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static app.stamina.command.program.Comeback.ADA;
import static app.stamina.command.program.Comeback.enroll;
import static app.stamina.command.program.Comeback.nov;
import static app.stamina.command.program.Comeback.refusedWith;
import static app.stamina.command.program.Comeback.setWorkingLoad;
import static app.stamina.command.program.Comeback.toTheStrengthPhase;
import static app.stamina.command.program.Comeback.withDeadliftAt135lb;

class WorkingLoadTest {

    private AggregateTestFixture<RehabProgram> fixture;

    @BeforeEach
    void setUp() {
        fixture = FixtureSupport.programFixture();
    }

    @Test
    void aSpineLoadingLiftWaitsForTheStrengthPhase() {
        fixture.givenCommands(enroll())
                .when(setWorkingLoad(Lift.DEADLIFT, Load.kg("40")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.STAMINA_BEFORE_STRENGTH));
    }

    @Test
    void aLiftThatDoesNotLoadTheSpineMayStartInTheStaminaPhase() {
        SetWorkingLoad bench = setWorkingLoad(Lift.BENCH_PRESS, Load.kg("30"));
        fixture.givenCommands(enroll())
                .when(bench)
                .expectEvents(new WorkingLoadSet(bench.eventId(), ADA, nov(14), Lift.BENCH_PRESS, Load.kg("30")),
                        new LiftStatusChanged(ADA, nov(14), Lift.BENCH_PRESS, Load.kg("30"), false, Load.kg("32.5"),
                                bench.eventId()));
    }

    @Test
    void aFirstDeadliftOf135lbAfterA315lbMaximumIsAccepted() {
        SetWorkingLoad first = setWorkingLoad(Lift.DEADLIFT, Load.lb("135"));
        fixture.givenCommands(toTheStrengthPhase())
                .when(first)
                .expectEvents(new WorkingLoadSet(first.eventId(), ADA, nov(14), Lift.DEADLIFT, Load.lb("135")),
                        new LiftStatusChanged(ADA, nov(14), Lift.DEADLIFT, Load.lb("135"), false, Load.lb("155"),
                                first.eventId()))
                .expectResultMessagePayload(new Outcome.WorkingLoadAccepted(first.eventId(), 15, Lift.DEADLIFT,
                        Load.lb("135")));
    }

    @Test
    void aFirstLoadAbove45PercentOfTheMaximumIsTooHeavyAndNamesTheLargestThatPasses() {
        // 45 % of 315 lb is 141.75 lb: 140 lb is the heaviest load of 5 lb plates within it.
        fixture.givenCommands(toTheStrengthPhase())
                .when(setWorkingLoad(Lift.DEADLIFT, Load.lb("150")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.START_TOO_HEAVY, Map.of("maxAllowedLoad", Load.lb("140"))));
    }

    @Test
    void theLargestFirstLoadIsNamedInTheRequestsUnit() {
        // 141.75 lb is 64.297 kg: 62.5 kg is the heaviest load of 2.5 kg plates within it.
        fixture.givenCommands(toTheStrengthPhase())
                .when(setWorkingLoad(Lift.DEADLIFT, Load.kg("70")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.START_TOO_HEAVY, Map.of("maxAllowedLoad", Load.kg("62.5"))));
    }

    @Test
    void exactly45PercentOfTheMaximumIsAllowed() {
        fixture.givenCommands(toTheStrengthPhase())
                .when(setWorkingLoad(Lift.DEADLIFT, Load.lb("141.75")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aLiftWithoutAKnownMaximumMayStartAtAnyLoad() {
        fixture.givenCommands(toTheStrengthPhase())
                .when(setWorkingLoad(Lift.SQUAT, Load.kg("100")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aSecondFirstWorkingLoadForTheSameLiftIsRefused() {
        fixture.givenCommands(withDeadliftAt135lb())
                .when(setWorkingLoad(Lift.DEADLIFT, Load.lb("125")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.WORKING_LOAD_ALREADY_SET));
    }
}
