package app.stamina.api.event;

import app.stamina.api.AthleteId;
import app.stamina.api.Lift;
import app.stamina.api.Load;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The first working load of a lift was set. */
public record WorkingLoadSet(UUID eventId, AthleteId athleteId, OffsetDateTime occurredAt, Lift lift, Load load)
        implements RehabEvent, ClientEvent {
}
