package app.stamina.api.event;

import app.stamina.api.AthleteId;
import app.stamina.api.Severity;
import app.stamina.api.Symptom;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A spasm, a snap, a sharp or radiating pain. What follows from it are events of their own. */
public record SetbackReported(UUID eventId, AthleteId athleteId, OffsetDateTime occurredAt, Severity severity,
                              List<Symptom> symptoms, String note) implements RehabEvent, ClientEvent {

    public SetbackReported {
        symptoms = List.copyOf(symptoms);
    }

    public List<Symptom> redFlags() {
        return symptoms.stream().filter(Symptom::isRedFlag).toList();
    }
}
