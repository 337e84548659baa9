package app.stamina.api.command;

import app.stamina.api.AthleteId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A command that records something the athlete did. Facts are never refused for breaking the protocol. */
public sealed interface FactCommand permits RecordHold, ConfirmRep, ReportSetback {

    AthleteId athleteId();

    UUID eventId();

    OffsetDateTime occurredAt();
}
