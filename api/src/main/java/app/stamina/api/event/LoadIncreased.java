package app.stamina.api.event;

import app.stamina.api.AthleteId;
import app.stamina.api.Lift;
import app.stamina.api.Load;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A baby step up: the working load of a lift went from {@code fromLoad} to {@code toLoad}. */
public record LoadIncreased(UUID eventId, AthleteId athleteId, OffsetDateTime occurredAt, Lift lift, Load fromLoad,
                            Load toLoad) implements RehabEvent, ClientEvent {
}
