package app.stamina.analytics.cohorts;

import app.stamina.analytics.facts.AthleteFacts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
    private final Map<Map<String, String>, List<AthleteFacts>> shown = new LinkedHashMap<>();
    private int hidden;

    Suppression(Grouping grouping, Collection<AthleteFacts> population, int minCellSize) {
        this.grouping = grouping;
        this.minCellSize = minCellSize;
        for (List<String> coarser : grouping.coarser()) {
            countsByGrouping.put(coarser, count(population, coarser));
        }
        Map<Map<String, String>, List<AthleteFacts>> groups = new HashMap<>();
        population.forEach(athlete -> groups.computeIfAbsent(grouping.keyOf(athlete), k -> new ArrayList<>()).add(athlete));
        Map<Map<String, String>, Integer> sizes = new HashMap<>();
        groups.forEach((key, members) -> sizes.put(key, members.size()));
        countsByGrouping.put(grouping.keys(), sizes);
        groups.entrySet().stream().sorted(Comparator.comparing(group -> String.valueOf(group.getKey())))
                .forEach(group -> {
                    if (allows(group.getKey())) {
                        shown.put(group.getKey(), group.getValue());
                    } else {
                        hidden++;
                    }
                });
    }

    /** The groups that may be shown, with their athletes, in the order of their keys. */
    Map<Map<String, String>, List<AthleteFacts>> shownGroups() {
        return shown;
    }

    /** How many groups were left out: {@code suppressedGroups} in the answer. */
    int hiddenGroups() {
        return hidden;
    }

    private boolean allows(Map<String, String> key) {
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
