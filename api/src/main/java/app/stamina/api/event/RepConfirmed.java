package app.stamina.api.event;

import app.stamina.api.AthleteId;
import app.stamina.api.Lift;
import app.stamina.api.Load;
import app.stamina.api.Reason;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One rep of a lift, as the athlete confirmed it, with the protocol's verdict and warnings. */
public record RepConfirmed(UUID eventId, AthleteId athleteId, OffsetDateTime occurredAt, Lift lift, int set, int rep,
                           Load load, boolean inCommand, boolean beltUsed, int pain, boolean countsTowardProgress,
                           List<Reason> reasons, List<Reason> warnings) implements RehabEvent, ClientEvent {

    public RepConfirmed {
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
    }
}
