package app.stamina.api.event;

import app.stamina.api.AthleteId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The strength gate opened with the hold {@code causedBy}: spine-loading lifts may come back. */
public record StrengthPhaseUnlocked(AthleteId athleteId, OffsetDateTime occurredAt, UUID causedBy)
        implements RehabEvent {
}
