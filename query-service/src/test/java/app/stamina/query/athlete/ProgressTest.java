package app.stamina.query.athlete;

import app.stamina.api.Load;
import app.stamina.api.Milestone;
import app.stamina.api.Phase;
import app.stamina.api.ProtocolRules;
import app.stamina.api.Symptom;
import app.stamina.api.event.ProgramPaused;
import app.stamina.api.event.ReturnedToStaminaPhase;
import app.stamina.api.event.StrengthPhaseUnlocked;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What an athlete is told about their progress, from the events they produced. */
class ProgressTest {

    private static final ProtocolRules RULES = ProtocolRules.defaults();

    private static Progress progressOn(Events events, String today) {
        return Progress.of(events.project(), RULES, LocalDate.parse(today));
    }

    @Test
    void theWeeklyTargetClimbsOneAfterEachWeekThatMetIt() {
        // Week 1 (2 Nov): target 1, one session. Week 2: target 2, two sessions. Week 3: target 3, only two. Week 4: 3.
        Events events = Events.enrolledIn("Europe/Amsterdam", "2026-11-02T09:00:00+01:00")
                .hold("2026-11-03T18:00:00+01:00", 60)
                .hold("2026-11-09T18:00:00+01:00", 60).hold("2026-11-11T18:00:00+01:00", 60)
                .hold("2026-11-16T18:00:00+01:00", 60).hold("2026-11-18T18:00:00+01:00", 60)
                .hold("2026-11-24T18:00:00+01:00", 60);
        assertThat(progressOn(events, "2026-11-04").stamina().weeklySessionTarget()).isEqualTo(1);
        assertThat(progressOn(events, "2026-11-10").stamina().weeklySessionTarget()).isEqualTo(2);
        assertThat(progressOn(events, "2026-11-17").stamina().weeklySessionTarget()).isEqualTo(3);
        Progress week4 = progressOn(events, "2026-11-25");
        assertThat(week4.stamina().weeklySessionTarget()).isEqualTo(3);
        assertThat(week4.stamina().sessionsThisWeek()).isEqualTo(1);
    }

    @Test
    void theWeeklyTargetStopsAtFour() {
        Events events = Events.enrolledIn("UTC", "2026-09-07T09:00:00Z");
        for (LocalDate day = LocalDate.parse("2026-09-07"); day.isBefore(LocalDate.parse("2026-11-01")); day = day.plusDays(1)) {
            events.hold(day + "T18:00:00Z", 60);
        }
        assertThat(progressOn(events, "2026-11-04").stamina().weeklySessionTarget()).isEqualTo(4);
    }

    @Test
    void theGateSaysWhatIsMissing() {
        Events events = Events.enrolledIn("Europe/Amsterdam", "2026-11-02T09:00:00+01:00")
                .hold("2026-11-03T18:00:00+01:00", 95)
                .milestone(Milestone.HOLD_60S, "2026-11-03T18:00:00+01:00")
                .milestone(Milestone.HOLD_90S, "2026-11-03T18:00:00+01:00");
        Progress progress = progressOn(events, "2026-11-04");
        assertThat(progress.stamina().milestones()).containsExactly(Milestone.HOLD_60S, Milestone.HOLD_90S);
        assertThat(progress.stamina().bestHoldSeconds()).isEqualTo(95);
        assertThat(progress.stamina().gate().met()).isFalse();
        assertThat(progress.stamina().gate().missing()).containsExactly("hold-120s", "asymmetric-hold", "weekly-sessions");
        assertThat(progress.nextStep()).contains("120 seconds");
    }

    @Test
    void withTwoFullWeeksOnlyTheAsymmetricHoldIsMissing() {
        Events events = Events.enrolledIn("Europe/Amsterdam", "2026-11-02T09:00:00+01:00");
        for (String day : List.of("02", "04", "06", "09", "11", "13")) {
            events.hold("2026-11-" + day + "T18:00:00+01:00", 125);
        }
        events.milestone(Milestone.HOLD_60S, "2026-11-02T18:00:00+01:00")
                .milestone(Milestone.HOLD_90S, "2026-11-02T18:00:00+01:00")
                .milestone(Milestone.HOLD_120S, "2026-11-02T18:00:00+01:00");
        Progress progress = progressOn(events, "2026-11-14");
        assertThat(progress.stamina().gate().missing()).containsExactly("asymmetric-hold");
        assertThat(progress.nextStep()).contains("symmetric load");
    }

    @Test
    void inTheStrengthPhaseTheGateIsMetAndLiftsShowTheirStatus() {
        Events events = Events.enrolledIn("Europe/Amsterdam", "2026-11-02T09:00:00+01:00")
                .add(new StrengthPhaseUnlocked(Events.ADA, OffsetDateTime.parse("2026-11-13T18:00:00+01:00"), UUID.randomUUID()))
                .liftStatus("2026-11-14T10:00:00+01:00", Load.lb("135"), false, Load.lb("155"));
        Progress progress = progressOn(events, "2026-11-15");
        assertThat(progress.phase()).isEqualTo(Phase.STRENGTH);
        assertThat(progress.stamina().gate()).isEqualTo(new Progress.Gate(true, List.of()));
        assertThat(progress.lifts()).containsExactly(
                new Progress.LiftProgress("deadlift", Load.lb("135"), false, Load.lb("155")));
        assertThat(progress.nextStep()).contains("135 lb").contains("deadlift");
    }

    @Test
    void aLiftReadyForMoreSaysHowFarItMayGo() {
        Events events = Events.enrolledIn("Europe/Amsterdam", "2026-11-02T09:00:00+01:00")
                .add(new StrengthPhaseUnlocked(Events.ADA, OffsetDateTime.parse("2026-11-13T18:00:00+01:00"), UUID.randomUUID()))
                .liftStatus("2026-11-14T10:00:00+01:00", Load.lb("135"), false, Load.lb("155"))
                .liftStatus("2026-11-18T10:00:00+01:00", Load.lb("135"), true, Load.lb("155"));
        Progress progress = progressOn(events, "2026-11-19");
        assertThat(progress.lifts().getFirst().eligibleForIncrease()).isTrue();
        assertThat(progress.nextStep()).contains("155 lb");
    }

    @Test
    void aPausedProgramSaysSo() {
        Events events = Events.enrolledIn("Europe/Amsterdam", "2026-11-02T09:00:00+01:00")
                .add(new ProgramPaused(Events.ADA, OffsetDateTime.parse("2026-11-03T18:00:00+01:00"),
                        List.of(Symptom.NUMBNESS), UUID.randomUUID()));
        Progress progress = progressOn(events, "2026-11-04");
        assertThat(progress.phase()).isEqualTo(Phase.PAUSED);
        assertThat(progress.nextStep()).contains("clinician");
    }

    @Test
    void aSevereSetbackTakesTheLoadedMilestonesAwayAndOnlyLaterSessionsCount() {
        Events events = Events.enrolledIn("Europe/Amsterdam", "2026-11-02T09:00:00+01:00");
        for (String day : List.of("09", "10", "11", "16", "17")) {
            events.hold("2026-11-" + day + "T18:00:00+01:00", 125);
        }
        events.milestone(Milestone.HOLD_120S, "2026-11-09T18:00:00+01:00")
                .milestone(Milestone.LOADED_HOLD, "2026-11-10T18:00:00+01:00")
                .milestone(Milestone.ASYMMETRIC_HOLD, "2026-11-11T18:00:00+01:00")
                .add(new StrengthPhaseUnlocked(Events.ADA, OffsetDateTime.parse("2026-11-11T18:00:00+01:00"), UUID.randomUUID()))
                .add(new ReturnedToStaminaPhase(Events.ADA, OffsetDateTime.parse("2026-11-17T20:00:00+01:00"), UUID.randomUUID()))
                .hold("2026-11-18T18:00:00+01:00", 125);
        Progress progress = progressOn(events, "2026-11-19");
        assertThat(progress.phase()).isEqualTo(Phase.STAMINA);
        assertThat(progress.stamina().milestones()).containsExactly(Milestone.HOLD_120S);
        assertThat(progress.stamina().gate().missing()).containsExactly("asymmetric-hold", "weekly-sessions");
        assertThat(progress.stamina().sessionsThisWeek()).isEqualTo(3);
    }
}
