package app.stamina.api.command;

import app.stamina.api.AthleteId;
import app.stamina.api.Lift;
import app.stamina.api.Load;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Asks for a lift's first working load. {@code requestedAt} is the server's clock when the request came in. */
public record SetWorkingLoad(@TargetAggregateIdentifier AthleteId athleteId, UUID eventId, Lift lift, Load load,
                             OffsetDateTime requestedAt) {
}
