package app.stamina.api.command;

import app.stamina.api.AthleteId;
import app.stamina.api.Lift;
import app.stamina.api.Load;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Asks for a baby step up in a lift's working load. */
public record IncreaseLoad(@TargetAggregateIdentifier AthleteId athleteId, UUID eventId, Lift lift, Load toLoad,
                           OffsetDateTime requestedAt) {
}
