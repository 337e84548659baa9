package app.stamina.analytics.facts;

import app.stamina.api.AthleteId;
import app.stamina.api.Condition;
import app.stamina.api.Lift;
import app.stamina.api.Load;
import app.stamina.api.Placement;
import app.stamina.api.Sex;
import app.stamina.api.StaminaJson;
import app.stamina.api.Surgery;
import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.event.AthleteEnrolled;
import app.stamina.api.event.HoldCompleted;
import app.stamina.api.event.LiftStatusChanged;
import app.stamina.api.event.LoadIncreased;
import app.stamina.api.event.RehabEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** How an athlete's events become research facts where the rule is not plain counting. */
class AthleteFactsTest {

    private static final AthleteId ADA = AthleteId.of("ada");
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final OffsetDateTime ENROLLED = OffsetDateTime.parse("2026-03-02T09:00:00+01:00");

    @Test
    void aDecisionSentLongAfterTheSessionThatEarnedItIsDatedAtThatSession() {
        OffsetDateTime lastSession = ENROLLED.plusDays(20);
        OffsetDateTime decidedMonthsLater = ENROLLED.plusDays(200);
        AthleteFacts facts = facts(
                new AthleteEnrolled(UUID.randomUUID(), ADA, ENROLLED, 1980, Sex.FEMALE, Condition.STRAIN, Surgery.NONE,
                        LocalDate.parse("2026-01-01"), OSLO, List.of(), List.of()),
                hold(lastSession),
                new LoadIncreased(UUID.randomUUID(), ADA, decidedMonthsLater, Lift.DEADLIFT, Load.kg("40"), Load.kg("42.5")),
                new LiftStatusChanged(ADA, decidedMonthsLater, Lift.DEADLIFT, Load.kg("42.5"), false, Load.kg("45"),
                        UUID.randomUUID()));
        assertThat(facts.milestoneDays()).containsEntry(AthleteFacts.FIRST_LOAD_INCREASE, 20);
        assertThat(facts.workingLoadGramsByWeek("deadlift")).containsExactly(Map.entry(2, 42_500L));
        assertThat(facts.lastOccurredAt()).as("a decision does not move the data cut-off").isEqualTo(lastSession.toInstant());
    }

    @Test
    void aDecisionRightAfterASessionKeepsItsOwnTime() {
        AthleteFacts facts = facts(
                new AthleteEnrolled(UUID.randomUUID(), ADA, ENROLLED, 1980, Sex.FEMALE, Condition.STRAIN, Surgery.NONE,
                        LocalDate.parse("2026-01-01"), OSLO, List.of(), List.of()),
                new LoadIncreased(UUID.randomUUID(), ADA, ENROLLED.plusMinutes(5), Lift.DEADLIFT, Load.kg("40"), Load.kg("42.5")),
                hold(ENROLLED.plusDays(9)));
        assertThat(facts.milestoneDays()).containsEntry(AthleteFacts.FIRST_LOAD_INCREASE, 0);
    }

    private static HoldCompleted hold(OffsetDateTime at) {
        return new HoldCompleted(UUID.randomUUID(), ADA, at, 90, null, Placement.NONE, true, 1, true, List.of());
    }

    private static AthleteFacts facts(RehabEvent... events) {
        AthleteFacts facts = AthleteFacts.of(ADA.value());
        for (int v = 0; v < events.length; v++) {
            facts.apply(EventEnvelope.of(UUID.randomUUID().toString(), events[v], v + 1, Instant.EPOCH, null,
                    StaminaJson.mapper()), events[v]);
        }
        return facts;
    }
}
