package app.stamina.api.event;

import app.stamina.api.AthleteId;
import app.stamina.api.Lift;
import app.stamina.api.Load;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A moderate setback ({@code causedBy}) took a lift's working load down one step. */
public record LoadDecreased(AthleteId athleteId, OffsetDateTime occurredAt, Lift lift, Load fromLoad, Load toLoad,
                            UUID causedBy) implements RehabEvent {
}
