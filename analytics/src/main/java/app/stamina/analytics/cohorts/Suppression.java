package app.stamina.analytics.cohorts;

import app.stamina.analytics.facts.AthleteFacts;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which groups of a population may be shown. A group is left out when it has fewer than the minimum cell size, and
 * also when some coarser grouping's group that contains it (its "parent", everyone included) holds between one
 * and the minimum minus one athletes more: the parent minus this group would describe those few athletes, and any
 * figure of the parent (another query may show it) minus this one would reveal theirs.
 */
final class Suppression {

    private final Grouping grouping;
    private final int minCellSize;
    private final Map<List<String>, Map<Map<String, String>, Integer>> countsByGrouping = new HashMap<>();

    Suppression(Grouping grouping, Collection<AthleteFacts> population, int minCellSize) {
        this.grouping = grouping;
        this.minCellSize = minCellSize;
        countsByGrouping.put(grouping.keys(), count(population, grouping.keys()));
        for (List<String> coarser : grouping.coarser()) {
            countsByGrouping.put(coarser, count(population, coarser));
        }
    }

    boolean allows(Map<String, String> key) {
        int n = countsByGrouping.get(grouping.keys()).getOrDefault(key, 0);
        if (n < minCellSize) {
            return false;
        }
        for (List<String> coarser : grouping.coarser()) {
            Map<String, String> parent = new LinkedHashMap<>();
            coarser.forEach(name -> parent.put(name, key.get(name)));
            int rest = countsByGrouping.get(coarser).getOrDefault(parent, 0) - n;
            if (rest > 0 && rest < minCellSize) {
                return false;
            }
        }
        return true;
    }

    private static Map<Map<String, String>, Integer> count(Collection<AthleteFacts> population, List<String> keys) {
        Map<Map<String, String>, Integer> counts = new HashMap<>();
        for (AthleteFacts athlete : population) {
            counts.merge(Grouping.keyOf(athlete, keys), 1, Integer::sum);
        }
        return counts;
    }
}
