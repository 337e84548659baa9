package app.stamina.query.athlete;

import app.stamina.api.AthleteId;
import app.stamina.api.Condition;
import app.stamina.api.Lift;
import app.stamina.api.Load;
import app.stamina.api.Milestone;
import app.stamina.api.Placement;
import app.stamina.api.Reason;
import app.stamina.api.Sex;
import app.stamina.api.StaminaJson;
import app.stamina.api.Surgery;
import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.event.AthleteEnrolled;
import app.stamina.api.event.HoldCompleted;
import app.stamina.api.event.LiftStatusChanged;
import app.stamina.api.event.MilestoneReached;
import app.stamina.api.event.RehabEvent;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An athlete's stream as the query side receives it: envelopes with versions 1, 2, 3... */
final class Events {

    static final ObjectMapper JSON = StaminaJson.mapper();
    static final AthleteId ADA = AthleteId.of("ada");

    private final List<EventEnvelope> stream = new ArrayList<>();
    private final ZoneId zone;

    private Events(ZoneId zone) {
        this.zone = zone;
    }

    static Events enrolledIn(String zone, String enrolledAt) {
        Events events = new Events(ZoneId.of(zone));
        events.add(new AthleteEnrolled(UUID.randomUUID(), ADA, OffsetDateTime.parse(enrolledAt), 1988, Sex.FEMALE,
                Condition.STRAIN, Surgery.NONE, LocalDate.parse("2026-06-01"), ZoneId.of(zone), List.of(), List.of()));
        return events;
    }

    Events add(RehabEvent event) {
        stream.add(EventEnvelope.of(UUID.randomUUID().toString(), event, stream.size() + 1,
                Instant.parse("2026-11-25T12:00:00Z"), null, JSON));
        return this;
    }

    Events hold(String at, int seconds) {
        return add(new HoldCompleted(UUID.randomUUID(), ADA, OffsetDateTime.parse(at), seconds, null, Placement.NONE,
                true, 1, true, List.of()));
    }

    Events loadedHold(String at, int seconds, String kg) {
        return add(new HoldCompleted(UUID.randomUUID(), ADA, OffsetDateTime.parse(at), seconds, Load.kg(kg),
                Placement.SYMMETRIC, true, 1, true, List.of()));
    }

    Events offProtocolHold(String at, int seconds) {
        return add(new HoldCompleted(UUID.randomUUID(), ADA, OffsetDateTime.parse(at), seconds, null, Placement.NONE,
                false, 1, false, List.of(Reason.NEUTRAL_NOT_HELD)));
    }

    Events milestone(Milestone milestone, String at) {
        return add(new MilestoneReached(ADA, OffsetDateTime.parse(at), milestone, UUID.randomUUID()));
    }

    Events liftStatus(String at, Load workingLoad, boolean ready, Load next) {
        return add(new LiftStatusChanged(ADA, OffsetDateTime.parse(at), Lift.DEADLIFT, workingLoad, ready, next,
                UUID.randomUUID()));
    }

    List<EventEnvelope> envelopes() {
        return List.copyOf(stream);
    }

    /** The view after applying every envelope in order (each decoded from its JSON, as the projector does). */
    AthleteView project() {
        return projectAll(stream);
    }

    static AthleteView projectAll(List<EventEnvelope> envelopes) {
        AthleteView view = AthleteView.of(ADA.value());
        for (EventEnvelope envelope : envelopes) {
            try {
                view.apply(envelope, envelope.event(JSON));
            } catch (EventEnvelope.UnreadableEvent e) {
                throw new AssertionError(e);
            }
        }
        return view;
    }
}
