package app.stamina.query.athlete;

import app.stamina.api.Load;
import app.stamina.api.Milestone;
import app.stamina.api.ProtocolRules;
import app.stamina.api.Symptom;
import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.event.ProgramPaused;
import app.stamina.api.event.ReturnedToStaminaPhase;
import app.stamina.api.event.StrengthPhaseUnlocked;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Events in, read model out: the weekly stamina trend and what redelivery does to it. */
class AthleteViewTest {

    @Test
    void countedHoldsMakeTheWeeksSessionsBestTotalAndHeaviestLoad() {
        AthleteView view = Events.enrolledIn("Europe/Amsterdam", "2026-11-02T09:00:00+01:00")
                .hold("2026-11-03T18:00:00+01:00", 95)
                .hold("2026-11-03T18:10:00+01:00", 60)
                .loadedHold("2026-11-05T18:00:00+01:00", 61, "10")
                .offProtocolHold("2026-11-06T18:00:00+01:00", 130)
                .project();
        StaminaTrend.Week week = StaminaTrend.of(view, null, null).weeks().getFirst();
        assertThat(week.weekStart()).isEqualTo(LocalDate.parse("2026-11-02"));
        assertThat(week.sessions()).isEqualTo(2);
        assertThat(week.bestHoldSeconds()).isEqualTo(95);
        assertThat(week.totalHoldSeconds()).isEqualTo(95 + 60 + 61);
        assertThat(week.maxHoldLoadKg()).isEqualByComparingTo(new BigDecimal("10"));
        assertThat(week.countedHolds()).isEqualTo(3);
        assertThat(week.offProtocolHolds()).isEqualTo(1);
        assertThat(view.version()).isEqualTo(5);
    }

    @Test
    void weeksWithoutSessionsAppearWithZeros() {
        AthleteView view = Events.enrolledIn("Europe/Amsterdam", "2026-10-01T09:00:00+02:00")
                .hold("2026-10-06T18:00:00+02:00", 60)
                .hold("2026-10-27T18:00:00+01:00", 70)
                .project();
        List<StaminaTrend.Week> weeks = StaminaTrend.of(view, null, null).weeks();
        assertThat(weeks).extracting(StaminaTrend.Week::weekStart).containsExactly(
                LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-12"), LocalDate.parse("2026-10-19"),
                LocalDate.parse("2026-10-26"));
        assertThat(weeks.get(1).sessions()).isZero();
        assertThat(weeks.get(2).bestHoldSeconds()).isZero();
        assertThat(weeks.get(3).bestHoldSeconds()).isEqualTo(70);
    }

    @Test
    void aLateHoldIsPlacedInTheWeekItHappened() {
        AthleteView view = Events.enrolledIn("Europe/Amsterdam", "2026-11-02T09:00:00+01:00")
                .hold("2026-11-17T18:00:00+01:00", 80)
                .hold("2026-11-04T18:00:00+01:00", 100)
                .project();
        List<StaminaTrend.Week> weeks = StaminaTrend.of(view, null, null).weeks();
        assertThat(weeks).hasSize(3);
        assertThat(weeks.getFirst().weekStart()).isEqualTo(LocalDate.parse("2026-11-02"));
        assertThat(weeks.getFirst().bestHoldSeconds()).isEqualTo(100);
        assertThat(weeks.getLast().bestHoldSeconds()).isEqualTo(80);
    }

    @Test
    void weeksAreIsoWeeksInTheAthletesZone() {
        // Sunday 23:30 in UTC is already Monday in Auckland: a new week there, the old week in London.
        String sundayNightUtc = "2026-11-08T23:30:00Z";
        AthleteView auckland = Events.enrolledIn("Pacific/Auckland", "2026-11-02T09:00:00+13:00")
                .hold(sundayNightUtc, 60).project();
        AthleteView london = Events.enrolledIn("Europe/London", "2026-11-02T09:00:00Z")
                .hold(sundayNightUtc, 60).project();
        assertThat(StaminaTrend.of(auckland, null, null).weeks().getFirst().weekStart())
                .isEqualTo(LocalDate.parse("2026-11-09"));
        assertThat(StaminaTrend.of(london, null, null).weeks().getFirst().weekStart())
                .isEqualTo(LocalDate.parse("2026-11-02"));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        Events events = Events.enrolledIn("Europe/Amsterdam", "2026-11-02T09:00:00+01:00")
                .hold("2026-11-03T18:00:00+01:00", 95)
                .hold("2026-11-04T18:00:00+01:00", 65);
        List<EventEnvelope> twice = new ArrayList<>(events.envelopes());
        twice.addAll(events.envelopes());
        twice.add(events.envelopes().get(1));
        AthleteView once = events.project();
        AthleteView redelivered = Events.projectAll(twice);
        assertThat(StaminaTrend.of(redelivered, null, null)).isEqualTo(StaminaTrend.of(once, null, null));
        assertThat(redelivered.version()).isEqualTo(3);
        LocalDate today = LocalDate.parse("2026-11-05");
        assertThat(Progress.of(redelivered, ProtocolRules.defaults(), today))
                .isEqualTo(Progress.of(once, ProtocolRules.defaults(), today));
    }

    @Test
    void eventsOlderThanTheViewAreIgnoredEvenOutOfOrder() {
        Events events = Events.enrolledIn("Europe/Amsterdam", "2026-11-02T09:00:00+01:00")
                .hold("2026-11-03T18:00:00+01:00", 95)
                .hold("2026-11-04T18:00:00+01:00", 65);
        List<EventEnvelope> shuffled = new ArrayList<>(events.envelopes());
        Collections.reverse(shuffled);
        AthleteView view = AthleteView.of("ada");
        view.apply(events.envelopes().get(0), read(events.envelopes().get(0)));
        view.apply(events.envelopes().get(2), read(events.envelopes().get(2)));
        boolean changed = view.apply(events.envelopes().get(1), read(events.envelopes().get(1)));
        assertThat(changed).isFalse();
        assertThat(view.version()).isEqualTo(3);
    }

    @Test
    void trendRowsCanBeLimitedToAPeriod() {
        AthleteView view = Events.enrolledIn("Europe/Amsterdam", "2026-10-01T09:00:00+02:00")
                .hold("2026-10-06T18:00:00+02:00", 60)
                .hold("2026-10-27T18:00:00+01:00", 70)
                .project();
        assertThat(StaminaTrend.of(view, LocalDate.parse("2026-10-14"), LocalDate.parse("2026-10-26")).weeks())
                .extracting(StaminaTrend.Week::weekStart)
                .containsExactly(LocalDate.parse("2026-10-12"), LocalDate.parse("2026-10-19"), LocalDate.parse("2026-10-26"));
    }

    private static app.stamina.api.event.RehabEvent read(EventEnvelope envelope) {
        try {
            return envelope.event(Events.JSON);
        } catch (EventEnvelope.UnreadableEvent e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The query side applies new events to a copy of the view readers share: the copy ends as the whole stream
     * would make it, and the shared view stays as it was.
     */
    @Test
    void aCopyTakesLaterEventsLikeTheWholeStreamAndLeavesTheOriginalAlone() throws Exception {
        Events events = Events.enrolledIn("Europe/Amsterdam", "2026-11-02T09:00:00+01:00");
        for (String day : List.of("09", "10", "11")) {
            events.hold("2026-11-" + day + "T18:00:00+01:00", 125);
        }
        events.loadedHold("2026-11-11T18:30:00+01:00", 90, "12.5")
                .milestone(Milestone.HOLD_120S, "2026-11-09T18:00:00+01:00")
                .milestone(Milestone.LOADED_HOLD, "2026-11-11T18:30:00+01:00")
                .add(new StrengthPhaseUnlocked(Events.ADA, OffsetDateTime.parse("2026-11-12T18:00:00+01:00"), UUID.randomUUID()))
                .liftStatus("2026-11-12T18:00:01+01:00", Load.kg("20"), false, null);
        int firstPart = events.envelopes().size();
        events.hold("2026-11-12T19:00:00+01:00", 130)
                .hold("2026-11-16T18:00:00+01:00", 125)
                .liftStatus("2026-11-16T18:30:00+01:00", Load.kg("22.5"), true, Load.kg("25"))
                .add(new ReturnedToStaminaPhase(Events.ADA, OffsetDateTime.parse("2026-11-17T20:00:00+01:00"), UUID.randomUUID()))
                .add(new ProgramPaused(Events.ADA, OffsetDateTime.parse("2026-11-18T08:00:00+01:00"),
                        List.of(Symptom.NUMBNESS), UUID.randomUUID()));
        List<EventEnvelope> all = events.envelopes();
        AthleteView shared = Events.projectAll(all.subList(0, firstPart));
        String sharedBefore = Events.JSON.writeValueAsString(shared);

        AthleteView copy = shared.copy();
        for (EventEnvelope envelope : all.subList(firstPart, all.size())) {
            copy.apply(envelope, envelope.event(Events.JSON));
        }

        assertThat(Events.JSON.writeValueAsString(copy)).isEqualTo(Events.JSON.writeValueAsString(Events.projectAll(all)));
        assertThat(Events.JSON.writeValueAsString(shared)).isEqualTo(sharedBefore);
    }
}
