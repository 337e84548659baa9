package app.stamina.command.program;

import app.stamina.api.Milestone;
import app.stamina.api.Phase;
import app.stamina.api.Placement;
import app.stamina.api.command.RecordHold;
import app.stamina.api.event.HoldCompleted;
import app.stamina.api.event.MilestoneReached;
import app.stamina.api.event.StrengthPhaseUnlocked;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static app.stamina.command.program.Comeback.ADA;
import static app.stamina.command.program.Comeback.enroll;
import static app.stamina.command.program.Comeback.hold;
import static app.stamina.command.program.Comeback.loadedHold;
import static app.stamina.command.program.Comeback.nov;
import static app.stamina.command.program.Comeback.outcome;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

class StrengthGateTest {

    private AggregateTestFixture<RehabProgram> fixture;

    @BeforeEach
    void setUp() {
        fixture = FixtureSupport.programFixture();
    }

    @Test
    void theGateOpensWithTheAsymmetricHoldAfterTwoWeeksOfThreeSessions() {
        RecordHold right = loadedHold(nov(13), 61, Placement.RIGHT);
        fixture.givenCommands(enroll(), hold(nov(2), 125), hold(nov(4), 125), hold(nov(6), 125),
                        loadedHold(nov(9), 65, Placement.SYMMETRIC), loadedHold(nov(11), 62, Placement.LEFT))
                .when(right)
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(instanceOf(HoldCompleted.class)),
                        messageWithPayload(equalTo(new MilestoneReached(ADA, nov(13), Milestone.ASYMMETRIC_HOLD, right.eventId()))),
                        messageWithPayload(equalTo(new StrengthPhaseUnlocked(ADA, nov(13), right.eventId()))),
                        andNoMore()))
                .expectResultMessagePayloadMatching(outcome(Outcome.HoldRecorded.class, "phase is strength",
                        hold -> hold.phase() == Phase.STRENGTH));
    }

    @Test
    void theGateStaysShutWhenTheWeekBeforeHadTooFewSessions() {
        fixture.givenCommands(enroll(), hold(nov(2), 125), hold(nov(4), 125),
                        loadedHold(nov(9), 65, Placement.SYMMETRIC), loadedHold(nov(11), 62, Placement.LEFT))
                .when(loadedHold(nov(13), 61, Placement.RIGHT))
                .expectResultMessagePayloadMatching(outcome(Outcome.HoldRecorded.class, "the phase stays stamina",
                        hold -> hold.phase() == Phase.STAMINA && hold.milestonesReached().equals(List.of(Milestone.ASYMMETRIC_HOLD))));
    }

    @Test
    void theGateOpensAtTheFirstCountedHoldOnceTheSessionsAreThere() {
        // The asymmetric hold comes on Wednesday the 11th, the second session of week 2; Thursday is the third.
        fixture.givenCommands(enroll(), hold(nov(2), 125), hold(nov(4), 125), hold(nov(6), 125),
                        loadedHold(nov(9), 65, Placement.SYMMETRIC), loadedHold(nov(9).plusHours(1), 62, Placement.LEFT),
                        loadedHold(nov(11), 61, Placement.RIGHT))
                .when(hold(nov(12), 100))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(instanceOf(HoldCompleted.class)),
                        messageWithPayload(instanceOf(StrengthPhaseUnlocked.class)),
                        andNoMore()));
    }

    @Test
    void severalHoldsOnOneDayAreOneSession() {
        OffsetDateTime monday = nov(2);
        fixture.givenCommands(enroll(), hold(monday, 125), hold(monday.plusMinutes(5), 125),
                        hold(monday.plusMinutes(10), 125),
                        loadedHold(nov(9), 65, Placement.SYMMETRIC), loadedHold(nov(11), 62, Placement.LEFT))
                .when(loadedHold(nov(13), 61, Placement.RIGHT))
                .expectResultMessagePayloadMatching(outcome(Outcome.HoldRecorded.class, "the phase stays stamina",
                        hold -> hold.phase() == Phase.STAMINA));
    }

    @Test
    void sessionDaysAreCalendarDaysInTheAthletesTimeZone() {
        // 23:30 UTC on Tuesday is already Wednesday in Amsterdam: one session each on Tue, Wed and Fri.
        OffsetDateTime tuesdayNoon = OffsetDateTime.parse("2026-11-03T12:00:00Z");
        OffsetDateTime wednesdayInAmsterdam = OffsetDateTime.parse("2026-11-03T23:30:00Z");
        fixture.givenCommands(enroll(), hold(tuesdayNoon, 125), hold(wednesdayInAmsterdam, 125), hold(nov(6), 125),
                        loadedHold(nov(9), 65, Placement.SYMMETRIC), loadedHold(nov(11), 62, Placement.LEFT))
                .when(loadedHold(nov(13), 61, Placement.RIGHT))
                .expectResultMessagePayloadMatching(outcome(Outcome.HoldRecorded.class, "the phase is strength",
                        hold -> hold.phase() == Phase.STRENGTH));
    }

    @Test
    void holdsThatDoNotCountAreNoSession() {
        fixture.givenCommands(enroll(), hold(nov(2), 125), hold(nov(4), 125), Comeback.painfulHold(nov(6), 125, 6),
                        loadedHold(nov(9), 65, Placement.SYMMETRIC), loadedHold(nov(11), 62, Placement.LEFT))
                .when(loadedHold(nov(13), 61, Placement.RIGHT))
                .expectResultMessagePayloadMatching(outcome(Outcome.HoldRecorded.class, "the phase stays stamina",
                        hold -> hold.phase() == Phase.STAMINA));
    }
}
