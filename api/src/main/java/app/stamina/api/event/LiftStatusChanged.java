package app.stamina.api.event;

import app.stamina.api.AthleteId;
import app.stamina.api.Lift;
import app.stamina.api.Load;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Where a lift stands after {@code causedBy} changed it: its working load, whether the protocol would allow an
 * increase now, and the heaviest baby step from here (in the working load's unit). Emitted only when one of these
 * changes, so read sides show the protocol's answer without computing it again.
 */
public record LiftStatusChanged(AthleteId athleteId, OffsetDateTime occurredAt, Lift lift, Load workingLoad,
                                boolean readyForMore, Load nextMaxLoad, UUID causedBy) implements RehabEvent {
}
