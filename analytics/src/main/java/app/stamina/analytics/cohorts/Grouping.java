package app.stamina.analytics.cohorts;

import app.stamina.edge.InvalidRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code groupBy}: a list of keys among {@code condition}, {@code surgery}, {@code sex}, {@code ageBand} (decade
 * at enrollment, {@code 30-39}), {@code enrollmentMonth} ({@code 2026-11}) and {@code tag:<prefix>} (the value of
 * the athlete's tag with that prefix: {@code arm:B} gives {@code B}). Empty means one group of everyone.
 */
public record Grouping(List<String> keys) {

    private static final Set<String> PLAIN = Set.of("condition", "surgery", "sex", "ageBand", "enrollmentMonth");

    public static Grouping parse(String groupBy) {
        Set<String> keys = new LinkedHashSet<>();
        if (groupBy != null && !groupBy.isBlank()) {
            for (String key : groupBy.split(",")) {
                String trimmed = key.trim();
                boolean tag = trimmed.startsWith("tag:") && trimmed.length() > 4 && trimmed.length() <= 68;
                if (!PLAIN.contains(trimmed) && !tag) {
                    throw InvalidRequest.of("groupBy", "unknown key '" + trimmed + "'; keys are condition, surgery, sex, "
                            + "ageBand, enrollmentMonth and tag:<prefix>");
                }
                if (!keys.add(trimmed)) {
                    throw InvalidRequest.of("groupBy", "'" + trimmed + "' is given twice");
                }
            }
        }
        return new Grouping(List.copyOf(keys));
    }

    /** The cell's group under these keys. */
    Map<String, String> keyOf(Cell cell) {
        return keyOf(cell, keys);
    }

    static Map<String, String> keyOf(Cell cell, List<String> keys) {
        Map<String, String> key = new LinkedHashMap<>();
        for (String name : keys) {
            key.put(name, switch (name) {
                case "condition" -> cell.condition().code();
                case "surgery" -> cell.surgery().code();
                case "sex" -> cell.sex().code();
                case "ageBand" -> cell.ageBand();
                case "enrollmentMonth" -> cell.enrollmentMonth();
                default -> cell.tag(name.substring(4));
            });
        }
        return key;
    }

    /** Every coarser grouping: each proper subset of the keys, the empty one (everyone) included. */
    List<List<String>> coarser() {
        List<List<String>> subsets = new ArrayList<>();
        for (int mask = 0; mask < (1 << keys.size()) - 1; mask++) {
            List<String> subset = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.add(keys.get(i));
                }
            }
            subsets.add(subset);
        }
        return subsets;
    }
}
