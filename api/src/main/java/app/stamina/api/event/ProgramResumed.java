package app.stamina.api.event;

import app.stamina.api.AthleteId;
import app.stamina.api.Phase;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A clinician resumed a paused program; the athlete is back in {@code phase}, the phase they were paused in. */
public record ProgramResumed(UUID eventId, AthleteId athleteId, OffsetDateTime occurredAt, String note, Phase phase)
        implements RehabEvent, ClientEvent {
}
