package app.stamina.api.command;

import app.stamina.api.AthleteId;
import app.stamina.api.Condition;
import app.stamina.api.PriorMax;
import app.stamina.api.Sex;
import app.stamina.api.Surgery;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

public record EnrollAthlete(@TargetAggregateIdentifier AthleteId athleteId, UUID eventId, int birthYear, Sex sex,
                            Condition condition, Surgery surgery, LocalDate injuryDate, ZoneId timeZone,
                            OffsetDateTime enrolledAt, List<PriorMax> priorMaxima, List<String> tags) {

    public EnrollAthlete {
        priorMaxima = List.copyOf(priorMaxima);
        tags = List.copyOf(tags);
    }
}
