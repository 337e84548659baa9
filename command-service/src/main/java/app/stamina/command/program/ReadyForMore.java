package app.stamina.command.program;

import app.stamina.api.ProtocolRules;
import app.stamina.api.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A lift is ready for more load when, at its working load, each of the last sessions had enough full sets, every
 * rep in command, without a belt and with pain within the ceiling. What is still missing is named by code.
 */
final class ReadyForMore {

    static final String SESSIONS = "sessions-at-working-load";
    static final String SETS = "sets-of-reps";
    static final String IN_COMMAND = "every-rep-in-command";
    static final String NO_BELT = "no-belt";
    static final String PAIN = "pain-within-ceiling";

    private ReadyForMore() {
    }

    static List<String> missing(LiftTrack lift, ProtocolRules.Strength rules) {
        List<RepSession> latest = lift.latestSessions(rules.eligibilitySessions());
        List<String> missing = new ArrayList<>();
        if (latest.size() < rules.eligibilitySessions()) {
            missing.add(SESSIONS);
        }
        if (latest.stream().anyMatch(s -> s.fullSets(rules.eligibilityReps()) < rules.eligibilitySets())) {
            missing.add(SETS);
        }
        Set<Reason> flaws = latest.stream().flatMap(s -> s.flaws().stream()).collect(Collectors.toSet());
        if (flaws.contains(Reason.NOT_IN_COMMAND)) {
            missing.add(IN_COMMAND);
        }
        if (flaws.contains(Reason.BELT_USED)) {
            missing.add(NO_BELT);
        }
        if (flaws.contains(Reason.PAIN_ABOVE_CEILING)) {
            missing.add(PAIN);
        }
        return missing;
    }
}
