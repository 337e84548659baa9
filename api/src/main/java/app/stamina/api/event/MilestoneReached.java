package app.stamina.api.event;

import app.stamina.api.AthleteId;
import app.stamina.api.Milestone;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A rung of the stamina ladder, reached by the hold {@code causedBy}. */
public record MilestoneReached(AthleteId athleteId, OffsetDateTime occurredAt, Milestone milestone, UUID causedBy)
        implements RehabEvent {
}
