package app.stamina.api.event;

import app.stamina.api.AthleteId;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A severe setback ({@code causedBy}) sent the athlete back to stamina work: the loaded and asymmetric holds must be
 * shown again, and only sessions after {@code occurredAt} count toward the gate. Working loads are kept.
 */
public record ReturnedToStaminaPhase(AthleteId athleteId, OffsetDateTime occurredAt, UUID causedBy)
        implements RehabEvent {
}
