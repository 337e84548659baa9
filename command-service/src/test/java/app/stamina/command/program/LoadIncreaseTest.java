package app.stamina.command.program;

import app.stamina.api.ErrorCode;
import app.stamina.api.Lift;
import app.stamina.api.Load;
import app.stamina.api.command.IncreaseLoad;
import app.stamina.api.command.ConfirmRep;
import app.stamina.api.event.LiftStatusChanged;
import app.stamina.api.event.LoadIncreased;
import app.stamina.api.event.RepConfirmed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static app.stamina.command.program.Comeback.ADA;
import static app.stamina.command.program.Comeback.beltedRep;
import static app.stamina.command.program.Comeback.concat;
import static app.stamina.command.program.Comeback.increase;
import static app.stamina.command.program.Comeback.nov;
import static app.stamina.command.program.Comeback.refusedWith;
import static app.stamina.command.program.Comeback.session;
import static app.stamina.command.program.Comeback.setWorkingLoad;
import static app.stamina.command.program.Comeback.toTheStrengthPhase;
import static app.stamina.command.program.Comeback.withDeadliftAt135lb;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

class LoadIncreaseTest {

    private static final Load LB_135 = Load.lb("135");

    private AggregateTestFixture<RehabProgram> fixture;

    @BeforeEach
    void setUp() {
        fixture = FixtureSupport.programFixture();
    }

    private static List<Object> twoCleanSessionsAt135lb() {
        return concat(withDeadliftAt135lb(), session(nov(16), 3, 5, LB_135), session(nov(18), 3, 5, LB_135));
    }

    @Test
    void from135To155lbAfterTwoCleanSessionsIsABabyStep() {
        IncreaseLoad step = increase(Lift.DEADLIFT, Load.lb("155"));
        fixture.givenCommands(twoCleanSessionsAt135lb())
                .when(step)
                .expectEvents(new LoadIncreased(step.eventId(), ADA, nov(25), Lift.DEADLIFT, LB_135, Load.lb("155")),
                        new LiftStatusChanged(ADA, nov(25), Lift.DEADLIFT, Load.lb("155"), false, Load.lb("175"),
                                step.eventId()));
    }

    @Test
    void theRepThatCompletesTheSecondCleanSessionMakesTheLiftReady() {
        List<Object> sessions = concat(withDeadliftAt135lb(), session(nov(16), 3, 5, LB_135), session(nov(18), 3, 5, LB_135));
        ConfirmRep last = (ConfirmRep) sessions.removeLast();
        fixture.givenCommands(sessions)
                .when(last)
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(instanceOf(RepConfirmed.class)),
                        messageWithPayload(equalTo(new LiftStatusChanged(ADA, last.occurredAt(), Lift.DEADLIFT, LB_135,
                                true, Load.lb("155"), last.eventId()))),
                        andNoMore()));
    }

    @Test
    void loadIncreaseOf50lbFromA135lbWorkingLoadIsTooLarge() {
        fixture.givenCommands(twoCleanSessionsAt135lb())
                .when(increase(Lift.DEADLIFT, Load.lb("185")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.STEP_TOO_LARGE, Map.of("maxAllowedLoad", Load.lb("155"))));
    }

    @Test
    void theLargestStepIsNamedInTheRequestsUnit() {
        // 135 lb is 61.235 kg; +15 % is 70.42 kg, of which 70 kg is whole 2.5 kg plates.
        fixture.givenCommands(twoCleanSessionsAt135lb())
                .when(increase(Lift.DEADLIFT, Load.kg("80")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.STEP_TOO_LARGE, Map.of("maxAllowedLoad", Load.kg("70"))));
    }

    @Test
    void aStepOfMoreThan10kgIsTooLargeEvenWithin15Percent() {
        List<Object> at100kg = concat(toTheStrengthPhase(), List.of(setWorkingLoad(Lift.SQUAT, Load.kg("100"))),
                session(Lift.SQUAT, nov(16), 3, 5, Load.kg("100")),
                session(Lift.SQUAT, nov(18), 3, 5, Load.kg("100")));
        fixture.givenCommands(at100kg)
                .when(increase(Lift.SQUAT, Load.kg("112.5")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.STEP_TOO_LARGE, Map.of("maxAllowedLoad", Load.kg("110"))));
    }

    @Test
    void anIncreaseWithoutAWorkingLoadIsRefused() {
        fixture.givenCommands(toTheStrengthPhase())
                .when(increase(Lift.DEADLIFT, Load.lb("155")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NO_WORKING_LOAD));
    }

    @Test
    void aSpineLoadingLiftCannotGoUpInTheStaminaPhase() {
        fixture.givenCommands(Comeback.enroll())
                .when(increase(Lift.DEADLIFT, Load.lb("155")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.STAMINA_BEFORE_STRENGTH));
    }

    @Test
    void oneCleanSessionIsNotEnough() {
        fixture.givenCommands(concat(withDeadliftAt135lb(), session(nov(16), 3, 5, LB_135)))
                .when(increase(Lift.DEADLIFT, Load.lb("155")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_IN_COMMAND_YET,
                        Map.of("missing", List.of(ReadyForMore.SESSIONS))));
    }

    @Test
    void aSessionOfTwoFullSetsIsNotEnough() {
        fixture.givenCommands(concat(withDeadliftAt135lb(), session(nov(16), 3, 5, LB_135), session(nov(18), 2, 5, LB_135)))
                .when(increase(Lift.DEADLIFT, Load.lb("155")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_IN_COMMAND_YET,
                        Map.of("missing", List.of(ReadyForMore.SETS))));
    }

    @Test
    void aBeltedRepInTheLastSessionsHoldsTheIncreaseBack() {
        fixture.givenCommands(concat(twoCleanSessionsAt135lb(), List.of(beltedRep(nov(18).plusHours(1), 4, 1, LB_135))))
                .when(increase(Lift.DEADLIFT, Load.lb("155")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_IN_COMMAND_YET,
                        Map.of("missing", List.of(ReadyForMore.NO_BELT))));
    }

    @Test
    void anOlderFlawedSessionNoLongerMattersAfterTwoCleanOnes() {
        fixture.givenCommands(concat(withDeadliftAt135lb(), List.of(beltedRep(nov(15), 1, 1, LB_135)),
                        session(nov(16), 3, 5, LB_135), session(nov(18), 3, 5, LB_135)))
                .when(increase(Lift.DEADLIFT, Load.lb("155")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void warmUpRepsAtALighterLoadDoNotSpoilTheSession() {
        fixture.givenCommands(concat(twoCleanSessionsAt135lb(), List.of(beltedRep(nov(18), 1, 1, Load.lb("95")))))
                .when(increase(Lift.DEADLIFT, Load.lb("155")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void eligibilityStartsAgainAtTheNewLoad() {
        fixture.givenCommands(concat(twoCleanSessionsAt135lb(), List.of(increase(Lift.DEADLIFT, Load.lb("155")))))
                .when(increase(Lift.DEADLIFT, Load.lb("175")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_IN_COMMAND_YET,
                        Map.of("missing", List.of(ReadyForMore.SESSIONS))));
    }

    @Test
    void anIncreaseToALighterLoadIsMalformed() {
        fixture.givenCommands(twoCleanSessionsAt135lb())
                .when(increase(Lift.DEADLIFT, Load.lb("125")))
                .expectNoEvents()
                .expectException(MalformedFact.class);
    }
}
