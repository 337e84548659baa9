package app.stamina.command.program;

import app.stamina.api.Reason;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The reps of one lift on one day at its working load: which reps of which sets, and what was wrong with any. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class RepSession {

    private TreeMap<Integer, TreeSet<Integer>> repsBySet = new TreeMap<>();
    private EnumSet<Reason> flaws = EnumSet.noneOf(Reason.class);

    void add(int set, int rep, Set<Reason> repFlaws) {
        repsBySet.computeIfAbsent(set, s -> new TreeSet<>()).add(rep);
        flaws.addAll(repFlaws);
    }

    /** Sets with at least {@code reps} distinct reps. */
    long fullSets(int reps) {
        return repsBySet.values().stream().filter(r -> r.size() >= reps).count();
    }

    Set<Reason> flaws() {
        return EnumSet.copyOf(flaws);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RepSession other && Objects.equals(repsBySet, other.repsBySet) && Objects.equals(flaws, other.flaws);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repsBySet, flaws);
    }
}
