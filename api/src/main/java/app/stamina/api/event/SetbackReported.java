package app.stamina.api.event;

import app.stamina.api.AthleteId;
import app.stamina.api.Severity;
import app.stamina.api.Symptom;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A spasm, a snap, a sharp or radiating pain. What follows from it are events of their own. {@code redFlagged} says
 * whether its symptoms were red flags by the list in force when it was reported (revision 2, see
 * {@link EventRevisions}).
 */
public record SetbackReported(UUID eventId, AthleteId athleteId, OffsetDateTime occurredAt, Severity severity,
                              List<Symptom> symptoms, String note, boolean redFlagged)
        implements RehabEvent, ClientEvent {

    public SetbackReported {
        symptoms = List.copyOf(symptoms);
    }

    /** A setback as reported now, judged by today's list of red flags. */
    public static SetbackReported of(UUID eventId, AthleteId athleteId, OffsetDateTime occurredAt, Severity severity,
                                     List<Symptom> symptoms, String note) {
        return new SetbackReported(eventId, athleteId, occurredAt, severity, symptoms, note,
                symptoms.stream().anyMatch(Symptom::isRedFlag));
    }

    public List<Symptom> redFlags() {
        return symptoms.stream().filter(Symptom::isRedFlag).toList();
    }
}
