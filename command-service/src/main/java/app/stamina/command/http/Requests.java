package app.stamina.command.http;

import app.stamina.api.AthleteId;
import app.stamina.api.Condition;
import app.stamina.api.Lift;
import app.stamina.api.Load;
import app.stamina.api.LoadUnit;
import app.stamina.api.Placement;
import app.stamina.api.PriorMax;
import app.stamina.api.Severity;
import app.stamina.api.Sex;
import app.stamina.api.Surgery;
import app.stamina.api.Symptom;
import app.stamina.api.command.ConfirmRep;
import app.stamina.api.command.EnrollAthlete;
import app.stamina.api.command.IncreaseLoad;
import app.stamina.api.command.RecordHold;
import app.stamina.api.command.ReportSetback;
import app.stamina.api.command.ResumeProgram;
import app.stamina.api.command.SetWorkingLoad;
import app.stamina.edge.InvalidRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * The bodies of the command API, as API.md gives them. Shape is checked by the annotations; what depends on the
 * clock or on two fields together is checked when a request becomes its command, against {@link Edge}.
 */
final class Requests {

    private Requests() {
    }

    /** A client write's body: it names its {@code eventId} and becomes one command. */
    interface ClientRequest {

        UUID eventId();

        Object toCommand(AthleteId athleteId, Edge edge);
    }

    record LoadBody(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 4, fraction = 3) BigDecimal value,
            @NotNull LoadUnit unit) {

        Load toLoad(String field, Edge edge) {
            Load load = Load.of(value, unit);
            edge.requireAtMostMaxLoad(field, load);
            return load;
        }
    }

    record PriorMaxBody(@NotNull @Pattern(regexp = Lift.PATTERN) String lift, @NotNull @Valid LoadBody load) {
    }

    record Enrollment(
            @NotNull UUID eventId,
            @NotNull @Min(1900) @Max(2100) Integer birthYear,
            @NotNull Sex sex,
            @NotNull Condition condition,
            @NotNull Surgery surgery,
            @NotNull LocalDate injuryDate,
            @NotNull ZoneId timeZone,
            OffsetDateTime enrolledAt,
            @Size(max = 50) List<@NotNull @Valid PriorMaxBody> priorMaxima,
            @Size(max = 20) List<@NotNull @Size(min = 1, max = 64) String> tags) implements ClientRequest {

        @Override
        public EnrollAthlete toCommand(AthleteId athleteId, Edge edge) {
            OffsetDateTime at = enrolledAt != null ? enrolledAt : edge.now();
            edge.requireNotInFuture("enrolledAt", at);
            edge.requireNotAfterToday("injuryDate", injuryDate, timeZone);
            edge.requireNotAfterThisYear("birthYear", birthYear);
            edge.requireNotBeforeYear("enrolledAt", at.getYear(), birthYear);
            edge.requireNotBeforeYear("injuryDate", injuryDate.getYear(), birthYear);
            List<PriorMax> maxima = new ArrayList<>();
            var lifts = new HashSet<String>();
            List<PriorMaxBody> given = priorMaxima == null ? List.of() : priorMaxima;
            for (int i = 0; i < given.size(); i++) {
                PriorMaxBody max = given.get(i);
                if (!lifts.add(max.lift())) {
                    throw InvalidRequest.of("priorMaxima[" + i + "].lift", "is given twice");
                }
                maxima.add(new PriorMax(Lift.of(max.lift()), max.load().toLoad("priorMaxima[" + i + "].load", edge)));
            }
            List<String> distinctTags = tags == null ? List.of() : List.copyOf(new LinkedHashSet<>(tags));
            return new EnrollAthlete(athleteId, eventId, birthYear, sex, condition, surgery, injuryDate, timeZone, at,
                    maxima, distinctTags);
        }
    }

    record Hold(
            @NotNull UUID eventId,
            @NotNull OffsetDateTime occurredAt,
            @NotNull @Min(1) @Max(900) Integer durationSeconds,
            @Valid LoadBody load,
            Placement placement,
            @NotNull Boolean neutralHeld,
            @NotNull @Min(0) @Max(10) Integer pain) implements ClientRequest {

        @Override
        public RecordHold toCommand(AthleteId athleteId, Edge edge) {
            edge.requireNotInFuture("occurredAt", occurredAt);
            Placement where = placement != null ? placement : Placement.NONE;
            if (load == null && where != Placement.NONE) {
                throw InvalidRequest.of("placement", "must be none for a hold without load");
            }
            if (load != null && where == Placement.NONE) {
                throw InvalidRequest.of("placement", "must be symmetric, left or right for a loaded hold");
            }
            return new RecordHold(athleteId, eventId, occurredAt, durationSeconds,
                    load == null ? null : load.toLoad("load", edge), where, neutralHeld, pain);
        }
    }

    record Rep(
            @NotNull UUID eventId,
            @NotNull OffsetDateTime occurredAt,
            @NotNull @Pattern(regexp = Lift.PATTERN) String lift,
            @NotNull @Min(1) @Max(20) Integer set,
            @NotNull @Min(1) @Max(100) Integer rep,
            @NotNull @Valid LoadBody load,
            @NotNull Boolean inCommand,
            @NotNull Boolean beltUsed,
            @NotNull @Min(0) @Max(10) Integer pain) implements ClientRequest {

        @Override
        public ConfirmRep toCommand(AthleteId athleteId, Edge edge) {
            edge.requireNotInFuture("occurredAt", occurredAt);
            return new ConfirmRep(athleteId, eventId, occurredAt, Lift.of(lift), set, rep, load.toLoad("load", edge),
                    inCommand, beltUsed, pain);
        }
    }

    record Setback(
            @NotNull UUID eventId,
            @NotNull OffsetDateTime occurredAt,
            @NotNull Severity severity,
            @NotEmpty @Size(max = 20) List<@NotNull Symptom> symptoms,
            @Size(max = 2000) String note) implements ClientRequest {

        @Override
        public ReportSetback toCommand(AthleteId athleteId, Edge edge) {
            edge.requireNotInFuture("occurredAt", occurredAt);
            return new ReportSetback(athleteId, eventId, occurredAt, severity,
                    List.copyOf(new LinkedHashSet<>(symptoms)), note);
        }
    }

    record WorkingLoad(
            @NotNull UUID eventId,
            @NotNull @Pattern(regexp = Lift.PATTERN) String lift,
            @NotNull @Valid LoadBody load) implements ClientRequest {

        @Override
        public SetWorkingLoad toCommand(AthleteId athleteId, Edge edge) {
            return new SetWorkingLoad(athleteId, eventId, Lift.of(lift), load.toLoad("load", edge), edge.now());
        }
    }

    record LoadIncrease(
            @NotNull UUID eventId,
            @NotNull @Pattern(regexp = Lift.PATTERN) String lift,
            @NotNull @Valid LoadBody toLoad) implements ClientRequest {

        @Override
        public IncreaseLoad toCommand(AthleteId athleteId, Edge edge) {
            return new IncreaseLoad(athleteId, eventId, Lift.of(lift), toLoad.toLoad("toLoad", edge), edge.now());
        }
    }

    record Resume(@NotNull UUID eventId, @Size(max = 2000) String note) implements ClientRequest {

        @Override
        public ResumeProgram toCommand(AthleteId athleteId, Edge edge) {
            return new ResumeProgram(athleteId, eventId, note, edge.now());
        }
    }
}
