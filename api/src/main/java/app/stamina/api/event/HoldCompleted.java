package app.stamina.api.event;

import app.stamina.api.AthleteId;
import app.stamina.api.Load;
import app.stamina.api.Placement;
import app.stamina.api.Reason;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A back-extension hold the athlete did, with the protocol's verdict. {@code load} is null for an unloaded hold. */
public record HoldCompleted(UUID eventId, AthleteId athleteId, OffsetDateTime occurredAt, int durationSeconds,
                            Load load, Placement placement, boolean neutralHeld, int pain,
                            boolean countsTowardProgress, List<Reason> reasons) implements RehabEvent, ClientEvent {

    public HoldCompleted {
        reasons = List.copyOf(reasons);
    }

    public boolean hasLoad() {
        return load != null;
    }
}
