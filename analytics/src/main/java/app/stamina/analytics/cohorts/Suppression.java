package app.stamina.analytics.cohorts;

import java.util.ArrayList;
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

    private final List<Map<String, String>> shown = new ArrayList<>();
    private int hidden;

    /** {@code sizes}: how many athletes count in each group of {@code grouping}. */
    Suppression(Grouping grouping, Map<Map<String, String>, Long> sizes, int minCellSize) {
        Map<Map<String, String>, Long> parents = new HashMap<>();
        List<List<String>> coarser = grouping.coarser();
        sizes.forEach((key, n) -> coarser.forEach(keys -> parents.merge(parent(key, keys), n, Long::sum)));
        sizes.entrySet().stream().filter(group -> group.getValue() > 0)
                .sorted(Comparator.comparing(group -> String.valueOf(group.getKey())))
                .forEach(group -> {
                    long n = group.getValue();
                    boolean revealing = n < minCellSize || coarser.stream().anyMatch(keys -> {
                        long rest = parents.get(parent(group.getKey(), keys)) - n;
                        return rest > 0 && rest < minCellSize;
                    });
                    if (revealing) {
                        hidden++;
                    } else {
                        shown.add(group.getKey());
                    }
                });
    }

    private static Map<String, String> parent(Map<String, String> key, List<String> keys) {
        Map<String, String> parent = new LinkedHashMap<>();
        keys.forEach(name -> parent.put(name, key.get(name)));
        return parent;
    }

    /** The groups that may be shown, in the order of their keys. */
    List<Map<String, String>> shownGroups() {
        return shown;
    }

    /** How many groups were left out: {@code suppressedGroups} in the answer. */
    int hiddenGroups() {
        return hidden;
    }
}
