package app.stamina.api.command;

import app.stamina.api.AthleteId;
import app.stamina.api.Lift;
import app.stamina.api.Load;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.OffsetDateTime;
import java.util.UUID;

public record ConfirmRep(@TargetAggregateIdentifier AthleteId athleteId, UUID eventId, OffsetDateTime occurredAt,
                         Lift lift, int set, int rep, Load load, boolean inCommand, boolean beltUsed, int pain)
        implements FactCommand {
}
