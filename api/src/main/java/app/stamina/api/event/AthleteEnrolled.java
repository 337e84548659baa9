package app.stamina.api.event;

import app.stamina.api.AthleteId;
import app.stamina.api.Condition;
import app.stamina.api.PriorMax;
import app.stamina.api.Sex;
import app.stamina.api.Surgery;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** An athlete joined the program. Their time zone decides what a day and a week are for them. */
public record AthleteEnrolled(UUID eventId, AthleteId athleteId, OffsetDateTime enrolledAt, int birthYear, Sex sex,
                              Condition condition, Surgery surgery, LocalDate injuryDate, ZoneId timeZone,
                              List<PriorMax> priorMaxima, List<String> tags) implements RehabEvent, ClientEvent {

    public AthleteEnrolled {
        priorMaxima = List.copyOf(priorMaxima);
        tags = List.copyOf(tags);
    }

    @Override
    public OffsetDateTime occurredAt() {
        return enrolledAt;
    }
}
