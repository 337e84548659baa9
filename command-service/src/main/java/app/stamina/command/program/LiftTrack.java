package app.stamina.command.program;

import app.stamina.api.Load;
import app.stamina.api.Reason;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** One lift in the strength phase: its working load and the sessions done at it since eligibility last started over. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class LiftTrack {

    private Load workingLoad;
    private TreeMap<LocalDate, RepSession> sessionsAtLoad = new TreeMap<>();
    /** The status last told to the read sides, so it is told again only when it changes. */
    private Status reported;

    Load workingLoad() {
        return workingLoad;
    }

    boolean hasWorkingLoad() {
        return workingLoad != null;
    }

    void changeWorkingLoad(Load load) {
        workingLoad = load;
        startEligibilityAgain();
    }

    void startEligibilityAgain() {
        sessionsAtLoad = new TreeMap<>();
    }

    void recordRep(LocalDate day, int set, int rep, Set<Reason> flaws) {
        sessionsAtLoad.computeIfAbsent(day, d -> new RepSession()).add(set, rep, flaws);
    }

    Status reported() {
        return reported;
    }

    void report(Status status) {
        reported = status;
    }

    /** The latest {@code count} sessions at the working load, newest first. */
    List<RepSession> latestSessions(int count) {
        return new ArrayList<>(sessionsAtLoad.descendingMap().values()).subList(0, Math.min(count, sessionsAtLoad.size()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LiftTrack other && Objects.equals(workingLoad, other.workingLoad)
                && Objects.equals(sessionsAtLoad, other.sessionsAtLoad) && Objects.equals(reported, other.reported);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workingLoad, sessionsAtLoad, reported);
    }

    /** A lift's working load, whether it may go up now, and how far. */
    record Status(Load workingLoad, boolean readyForMore, Load nextMaxLoad) {
    }
}
