package app.stamina.api.command;

import app.stamina.api.AthleteId;
import app.stamina.api.Severity;
import app.stamina.api.Symptom;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record ReportSetback(@TargetAggregateIdentifier AthleteId athleteId, UUID eventId, OffsetDateTime occurredAt,
                            Severity severity, List<Symptom> symptoms, String note) implements FactCommand {

    public ReportSetback {
        symptoms = List.copyOf(symptoms);
    }
}
