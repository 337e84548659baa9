package app.stamina.command.program;

import app.stamina.api.ErrorCode;
import app.stamina.api.Lift;
import app.stamina.api.Load;
import app.stamina.api.Milestone;
import app.stamina.api.Phase;
import app.stamina.api.Placement;
import app.stamina.api.Severity;
import app.stamina.api.Symptom;
import app.stamina.api.command.ReportSetback;
import app.stamina.api.command.ResumeProgram;
import app.stamina.api.event.LiftStatusChanged;
import app.stamina.api.event.LoadDecreased;
import app.stamina.api.event.ProgramPaused;
import app.stamina.api.event.ProgramResumed;
import app.stamina.api.event.ReturnedToStaminaPhase;
import app.stamina.api.event.SetbackReported;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static app.stamina.command.program.Comeback.ADA;
import static app.stamina.command.program.Comeback.concat;
import static app.stamina.command.program.Comeback.enroll;
import static app.stamina.command.program.Comeback.hold;
import static app.stamina.command.program.Comeback.increase;
import static app.stamina.command.program.Comeback.loadedHold;
import static app.stamina.command.program.Comeback.nov;
import static app.stamina.command.program.Comeback.outcome;
import static app.stamina.command.program.Comeback.reaches;
import static app.stamina.command.program.Comeback.refusedWith;
import static app.stamina.command.program.Comeback.resume;
import static app.stamina.command.program.Comeback.session;
import static app.stamina.command.program.Comeback.setWorkingLoad;
import static app.stamina.command.program.Comeback.setback;
import static app.stamina.command.program.Comeback.withDeadliftAt135lb;

class SetbackTest {

    private static final Load LB_135 = Load.lb("135");

    private AggregateTestFixture<RehabProgram> fixture;

    @BeforeEach
    void setUp() {
        fixture = FixtureSupport.programFixture();
    }

    @Test
    void aMildSetbackIsRecordedAndEligibilityStartsAgain() {
        ReportSetback mild = setback(nov(19), Severity.MILD, Symptom.STIFFNESS);
        fixture.givenCommands(concat(withDeadliftAt135lb(), session(nov(16), 3, 5, LB_135), session(nov(18), 3, 5, LB_135)))
                .when(mild)
                .expectEvents(SetbackReported.of(mild.eventId(), ADA, nov(19), Severity.MILD,
                                List.of(Symptom.STIFFNESS), "felt a twinge"),
                        new LiftStatusChanged(ADA, nov(19), Lift.DEADLIFT, LB_135, false, Load.lb("155"), mild.eventId()))
                .expectResultMessagePayloadMatching(outcome(Outcome.SetbackRecorded.class,
                        "consequences are [eligibility-reset]",
                        s -> s.consequences().equals(List.of("eligibility-reset")) && s.phase() == Phase.STRENGTH));
    }

    @Test
    void afterAMildSetbackTheIncreaseWaitsForTwoNewSessions() {
        fixture.givenCommands(concat(withDeadliftAt135lb(), session(nov(16), 3, 5, LB_135), session(nov(18), 3, 5, LB_135),
                        List.of(setback(nov(19), Severity.MILD, Symptom.STIFFNESS))))
                .when(increase(Lift.DEADLIFT, Load.lb("155")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_IN_COMMAND_YET,
                        Map.of("missing", List.of(ReadyForMore.SESSIONS))));
    }

    @Test
    void aModerateSetbackTakesEveryGatedWorkingLoadDownOneStep() {
        // 90 % of 135 lb is 121.5 lb, rounded down to 5 lb plates: 120 lb. The bench press is not gated.
        ReportSetback moderate = setback(nov(19), Severity.MODERATE, Symptom.SPASM);
        fixture.givenCommands(concat(withDeadliftAt135lb(), List.of(setWorkingLoad(Lift.SQUAT, Load.kg("60")),
                        setWorkingLoad(Lift.BENCH_PRESS, Load.kg("40")))))
                .when(moderate)
                .expectEvents(
                        SetbackReported.of(moderate.eventId(), ADA, nov(19), Severity.MODERATE, List.of(Symptom.SPASM),
                                "felt a twinge"),
                        new LoadDecreased(ADA, nov(19), Lift.DEADLIFT, LB_135, Load.lb("120"), moderate.eventId()),
                        new LoadDecreased(ADA, nov(19), Lift.SQUAT, Load.kg("60"), Load.kg("52.5"), moderate.eventId()),
                        new LiftStatusChanged(ADA, nov(19), Lift.DEADLIFT, Load.lb("120"), false, Load.lb("135"),
                                moderate.eventId()),
                        new LiftStatusChanged(ADA, nov(19), Lift.SQUAT, Load.kg("52.5"), false, Load.kg("60"),
                                moderate.eventId()))
                .expectResultMessagePayloadMatching(outcome(Outcome.SetbackRecorded.class,
                        "the consequences name the lowered lifts", s -> s.consequences().equals(List.of(
                                "eligibility-reset", "load-decreased:deadlift", "load-decreased:squat"))));
    }

    @Test
    void aSevereSetbackReturnsTheAthleteToTheStaminaPhaseKeepingWorkingLoads() {
        ReportSetback severe = setback(nov(19), Severity.SEVERE, Symptom.SHARP_PAIN);
        fixture.givenCommands(withDeadliftAt135lb())
                .when(severe)
                .expectEvents(
                        SetbackReported.of(severe.eventId(), ADA, nov(19), Severity.SEVERE,
                                List.of(Symptom.SHARP_PAIN), "felt a twinge"),
                        new ReturnedToStaminaPhase(ADA, nov(19), severe.eventId()))
                .expectResultMessagePayloadMatching(outcome(Outcome.SetbackRecorded.class,
                        "the athlete is back in the stamina phase", s -> s.phase() == Phase.STAMINA
                                && s.consequences().equals(List.of("eligibility-reset", "returned-to-stamina"))));
    }

    @Test
    void afterASevereSetbackTheLoadedHoldMustBeShownAgain() {
        fixture.givenCommands(concat(withDeadliftAt135lb(), List.of(setback(nov(19), Severity.SEVERE, Symptom.SPASM))))
                .when(loadedHold(nov(20), 70, Placement.SYMMETRIC))
                .expectResultMessagePayloadMatching(reaches(List.of(Milestone.LOADED_HOLD)));
    }

    @Test
    void aLoadedHoldFromBeforeASevereSetbackSyncedLaterDoesNotShowItAgain() {
        fixture.givenCommands(concat(withDeadliftAt135lb(), List.of(setback(nov(19), Severity.SEVERE, Symptom.SPASM))))
                .when(loadedHold(nov(18), 70, Placement.SYMMETRIC))
                .expectResultMessagePayloadMatching(reaches(List.of()));
    }

    @Test
    void afterASevereSetbackOnlyLaterSessionsCountTowardTheGate() {
        // Week 3 (16 to 22 Nov) had sessions before the setback on the 18th; only the 19th and 20th come after it.
        fixture.givenCommands(concat(withDeadliftAt135lb(), List.of(hold(nov(16), 125), hold(nov(17), 125),
                        setback(nov(18), Severity.SEVERE, Symptom.SPASM),
                        loadedHold(nov(19), 65, Placement.SYMMETRIC), loadedHold(nov(20), 62, Placement.LEFT))))
                .when(loadedHold(nov(20).plusHours(1), 61, Placement.RIGHT))
                .expectResultMessagePayloadMatching(outcome(Outcome.HoldRecorded.class,
                        "asymmetric reached, but the gate stays shut", h -> h.phase() == Phase.STAMINA
                                && h.milestonesReached().equals(List.of(Milestone.ASYMMETRIC_HOLD))));
    }

    @Test
    void theStrengthPhaseReturnsWhenTheGateIsMetAgain() {
        fixture.givenCommands(concat(withDeadliftAt135lb(), List.of(setback(nov(15), Severity.SEVERE, Symptom.SPASM),
                        hold(nov(16), 125), hold(nov(17), 125), hold(nov(18), 125),
                        loadedHold(nov(23), 65, Placement.SYMMETRIC), loadedHold(nov(24), 62, Placement.LEFT))))
                .when(loadedHold(nov(25), 61, Placement.RIGHT))
                .expectResultMessagePayloadMatching(outcome(Outcome.HoldRecorded.class, "the phase is strength",
                        h -> h.phase() == Phase.STRENGTH));
    }

    @Test
    void aRedFlagSymptomPausesTheProgramWhateverTheSeverity() {
        ReportSetback numb = setback(nov(19), Severity.MILD, Symptom.STIFFNESS, Symptom.NUMBNESS);
        fixture.givenCommands(withDeadliftAt135lb())
                .when(numb)
                .expectEvents(
                        SetbackReported.of(numb.eventId(), ADA, nov(19), Severity.MILD,
                                List.of(Symptom.STIFFNESS, Symptom.NUMBNESS), "felt a twinge"),
                        new ProgramPaused(ADA, nov(19), List.of(Symptom.NUMBNESS), numb.eventId()))
                .expectResultMessagePayloadMatching(outcome(Outcome.SetbackRecorded.class, "the program is paused",
                        s -> s.phase() == Phase.PAUSED && s.consequences().contains("program-paused")));
    }

    @Test
    void whilePausedEveryDecisionIsRefusedBeforeAnyOtherRule() {
        // In the stamina phase a deadlift would be stamina-before-strength; the pause is named first.
        fixture.givenCommands(enroll(), setback(nov(3), Severity.MILD, Symptom.LEG_WEAKNESS))
                .when(setWorkingLoad(Lift.DEADLIFT, Load.lb("135")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.PROGRAM_PAUSED));
    }

    @Test
    void whilePausedALoadIncreaseIsRefused() {
        fixture.givenCommands(concat(withDeadliftAt135lb(), session(nov(16), 3, 5, LB_135), session(nov(18), 3, 5, LB_135),
                        List.of(setback(nov(19), Severity.MILD, Symptom.BLADDER_OR_BOWEL_CHANGE))))
                .when(increase(Lift.DEADLIFT, Load.lb("155")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.PROGRAM_PAUSED));
    }

    @Test
    void whilePausedFactsAreStillRecorded() {
        fixture.givenCommands(enroll(), setback(nov(3), Severity.MILD, Symptom.NUMBNESS))
                .when(hold(nov(4), 61))
                .expectResultMessagePayloadMatching(outcome(Outcome.HoldRecorded.class, "recorded while paused",
                        h -> h.countsTowardProgress() && h.phase() == Phase.PAUSED));
    }

    @Test
    void resumingReturnsTheAthleteToThePhaseTheyWereIn() {
        ResumeProgram resume = resume();
        fixture.givenCommands(concat(withDeadliftAt135lb(), List.of(setback(nov(19), Severity.MILD, Symptom.NUMBNESS))))
                .when(resume)
                .expectEvents(new ProgramResumed(resume.eventId(), ADA, nov(20), "seen in clinic, cleared", Phase.STRENGTH))
                .expectResultMessagePayloadMatching(outcome(Outcome.Resumed.class, "back in strength",
                        r -> r.phase() == Phase.STRENGTH));
    }

    @Test
    void afterResumingDecisionsAreAllowedAgain() {
        fixture.givenCommands(concat(toTheStrengthPhaseWithAPause(), List.of(resume())))
                .when(setWorkingLoad(Lift.DEADLIFT, LB_135))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void resumingAProgramThatIsNotPausedIsRefused() {
        fixture.givenCommands(enroll())
                .when(resume())
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.PROGRAM_NOT_PAUSED));
    }

    private static List<Object> toTheStrengthPhaseWithAPause() {
        return concat(Comeback.toTheStrengthPhase(), List.of(setback(nov(14), Severity.MILD, Symptom.NUMBNESS)));
    }
}
