package app.stamina.api.command;

import app.stamina.api.AthleteId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A clinician's decision that a paused program may go on. */
public record ResumeProgram(@TargetAggregateIdentifier AthleteId athleteId, UUID eventId, String note,
                            OffsetDateTime requestedAt) {
}
