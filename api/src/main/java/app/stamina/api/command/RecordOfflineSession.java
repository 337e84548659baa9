package app.stamina.api.command;

import app.stamina.api.AthleteId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Facts a phone kept while offline, applied in order in one unit of work. Each fact gets its own verdict; a fact
 * that cannot be recorded (it predates the enrollment) is answered on its own and does not stop the others.
 */
public record RecordOfflineSession(@TargetAggregateIdentifier AthleteId athleteId, List<FactCommand> facts) {

    public RecordOfflineSession {
        facts = List.copyOf(facts);
    }
}
