package app.stamina.command.program;

import app.stamina.api.Load;
import app.stamina.api.Milestone;
import app.stamina.api.Phase;
import app.stamina.api.Placement;
import app.stamina.api.Reason;
import app.stamina.api.command.RecordHold;
import app.stamina.api.event.HoldCompleted;
import app.stamina.api.event.MilestoneReached;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static app.stamina.command.program.Comeback.ADA;
import static app.stamina.command.program.Comeback.enroll;
import static app.stamina.command.program.Comeback.hold;
import static app.stamina.command.program.Comeback.loadedHold;
import static app.stamina.command.program.Comeback.nov;
import static app.stamina.command.program.Comeback.painfulHold;
import static app.stamina.command.program.Comeback.reaches;
import static org.hamcrest.Matchers.instanceOf;

class StaminaLadderTest {

    private AggregateTestFixture<RehabProgram> fixture;

    @BeforeEach
    void setUp() {
        fixture = FixtureSupport.programFixture();
    }

    @Test
    void anUnloadedHoldOf60sReachesTheFirstMilestone() {
        RecordHold hold = hold(nov(3), 61);
        fixture.givenCommands(enroll())
                .when(hold)
                .expectEvents(
                        new HoldCompleted(hold.eventId(), ADA, nov(3), 61, null, Placement.NONE, true, 1, true, List.of()),
                        new MilestoneReached(ADA, nov(3), Milestone.HOLD_60S, hold.eventId()))
                .expectResultMessagePayload(new Outcome.HoldRecorded(hold.eventId(), 3, true, List.of(),
                        List.of(Milestone.HOLD_60S), Phase.STAMINA));
    }

    @Test
    void oneLongHoldClimbsTheFirstThreeRungsInOrder() {
        fixture.givenCommands(enroll())
                .when(hold(nov(3), 125))
                .expectResultMessagePayloadMatching(reaches(List.of(Milestone.HOLD_60S, Milestone.HOLD_90S,
                        Milestone.HOLD_120S)));
    }

    @Test
    void aHoldUnder60sCountsButReachesNoMilestone() {
        fixture.givenCommands(enroll())
                .when(hold(nov(3), 45))
                .expectResultMessagePayloadMatching(reaches(List.of()))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(instanceOf(HoldCompleted.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void aMilestoneIsReachedOnlyOnce() {
        fixture.givenCommands(enroll(), hold(nov(3), 61))
                .when(hold(nov(4), 70))
                .expectResultMessagePayloadMatching(reaches(List.of()));
    }

    @Test
    void aHoldThatLostTheNeutralSpineIsRecordedButDoesNotCount() {
        RecordHold hold = new RecordHold(ADA, UUID.randomUUID(), nov(3), 95, null, Placement.NONE, false, 1);
        fixture.givenCommands(enroll())
                .when(hold)
                .expectEvents(new HoldCompleted(hold.eventId(), ADA, nov(3), 95, null, Placement.NONE, false, 1,
                        false, List.of(Reason.NEUTRAL_NOT_HELD)));
    }

    @Test
    void aHoldWithPainAboveTheCeilingIsRecordedButDoesNotCount() {
        RecordHold hold = painfulHold(nov(3), 95, 4);
        fixture.givenCommands(enroll())
                .when(hold)
                .expectEvents(new HoldCompleted(hold.eventId(), ADA, nov(3), 95, null, Placement.NONE, true, 4,
                        false, List.of(Reason.PAIN_ABOVE_CEILING)));
    }

    @Test
    void aHoldAtThePainCeilingStillCounts() {
        fixture.givenCommands(enroll())
                .when(painfulHold(nov(3), 61, 3))
                .expectResultMessagePayloadMatching(reaches(List.of(Milestone.HOLD_60S)));
    }

    @Test
    void aLoadedHoldBefore120sIsRecordedAsOffProtocol() {
        RecordHold hold = loadedHold(nov(3), 90, Placement.SYMMETRIC);
        fixture.givenCommands(enroll(), hold(nov(2), 95))
                .when(hold)
                .expectEvents(new HoldCompleted(hold.eventId(), ADA, nov(3), 90, Load.kg("10"), Placement.SYMMETRIC,
                        true, 1, false, List.of(Reason.LOAD_BEFORE_120S)));
    }

    @Test
    void aSymmetricLoadedHoldAfter120sReachesTheLoadedHold() {
        fixture.givenCommands(enroll(), hold(nov(2), 125))
                .when(loadedHold(nov(3), 60, Placement.SYMMETRIC))
                .expectResultMessagePayloadMatching(reaches(List.of(Milestone.LOADED_HOLD)));
    }

    @Test
    void aOneSidedHoldDoesNotEarnTheLoadedHold() {
        fixture.givenCommands(enroll(), hold(nov(2), 125))
                .when(loadedHold(nov(3), 90, Placement.LEFT))
                .expectResultMessagePayloadMatching(reaches(List.of()));
    }

    @Test
    void theAsymmetricHoldNeedsTheLeftAndTheRightSide() {
        fixture.givenCommands(enroll(), hold(nov(2), 125), loadedHold(nov(3), 60, Placement.SYMMETRIC),
                        loadedHold(nov(3), 60, Placement.LEFT), loadedHold(nov(4), 65, Placement.LEFT))
                .when(loadedHold(nov(4), 60, Placement.RIGHT))
                .expectResultMessagePayloadMatching(reaches(List.of(Milestone.ASYMMETRIC_HOLD)));
    }

    @Test
    void oneSideAloneDoesNotEarnTheAsymmetricHold() {
        fixture.givenCommands(enroll(), hold(nov(2), 125), loadedHold(nov(3), 60, Placement.SYMMETRIC))
                .when(loadedHold(nov(4), 90, Placement.LEFT))
                .expectResultMessagePayloadMatching(reaches(List.of()));
    }

    @Test
    void aShortOneSidedHoldDoesNotEarnTheAsymmetricHold() {
        fixture.givenCommands(enroll(), hold(nov(2), 125), loadedHold(nov(3), 60, Placement.SYMMETRIC),
                        loadedHold(nov(3), 60, Placement.LEFT))
                .when(loadedHold(nov(4), 59, Placement.RIGHT))
                .expectResultMessagePayloadMatching(reaches(List.of()));
    }

    @Test
    void aHoldBeforeTheEnrollmentIsMalformed() {
        fixture.givenCommands(enroll())
                .when(hold(nov(1), 61))
                .expectNoEvents()
                .expectException(MalformedFact.class);
    }
}
