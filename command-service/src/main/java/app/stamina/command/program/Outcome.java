package app.stamina.command.program;

import app.stamina.api.Lift;
import app.stamina.api.Load;
import app.stamina.api.Milestone;
import app.stamina.api.Phase;
import app.stamina.api.Reason;

import java.util.List;
import java.util.UUID;

/**
 * What a command did, as the client is told: the client's {@code eventId} and the athlete's stream {@code version}
 * after the write (1 after enrollment, one more for each event since).
 */
public sealed interface Outcome {

    UUID eventId();

    long version();

    record Enrolled(UUID eventId, long version, Phase phase) implements Outcome {
    }

    record HoldRecorded(UUID eventId, long version, boolean countsTowardProgress, List<Reason> reasons,
                        List<Milestone> milestonesReached, Phase phase) implements Outcome {
    }

    record RepRecorded(UUID eventId, long version, boolean countsTowardProgress, List<Reason> reasons,
                       List<Reason> warnings) implements Outcome {
    }

    record SetbackRecorded(UUID eventId, long version, List<String> consequences, Phase phase) implements Outcome {
    }

    record WorkingLoadAccepted(UUID eventId, long version, Lift lift, Load workingLoad) implements Outcome {
    }

    record LoadIncreaseAccepted(UUID eventId, long version, Lift lift, Load previousLoad, Load workingLoad)
            implements Outcome {
    }

    record Resumed(UUID eventId, long version, Phase phase) implements Outcome {
    }
}
