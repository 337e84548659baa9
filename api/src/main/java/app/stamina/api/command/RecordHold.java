package app.stamina.api.command;

import app.stamina.api.AthleteId;
import app.stamina.api.Load;
import app.stamina.api.Placement;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code load} is null for an unloaded hold, and then {@code placement} is {@link Placement#NONE}. */
public record RecordHold(@TargetAggregateIdentifier AthleteId athleteId, UUID eventId, OffsetDateTime occurredAt,
                         int durationSeconds, Load load, Placement placement, boolean neutralHeld, int pain)
        implements FactCommand {
}
