package app.stamina.api.event;

import app.stamina.api.AthleteId;
import app.stamina.api.Symptom;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Red-flag symptoms in the setback {@code causedBy} paused the program until a clinician resumes it. */
public record ProgramPaused(AthleteId athleteId, OffsetDateTime occurredAt, List<Symptom> redFlags, UUID causedBy)
        implements RehabEvent {

    public ProgramPaused {
        redFlags = List.copyOf(redFlags);
    }
}
