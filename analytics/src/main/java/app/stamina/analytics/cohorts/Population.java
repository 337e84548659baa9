package app.stamina.analytics.cohorts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of all enrolled athletes and the data cut-off (the {@code occurredAt} of the newest fact processed),
 * from which every figure is drawn. An athlete's relative week counts once it has ended by the cut-off, in their
 * own zone.
 */
record Population(Map<Cell, CellFigures> cells, Instant cutOff) {

    /** The cells of each group of {@code grouping}. */
    Map<Map<String, String>, List<Map.Entry<Cell, CellFigures>>> groups(Grouping grouping) {
        Map<Map<String, String>, List<Map.Entry<Cell, CellFigures>>> groups = new HashMap<>();
        for (Map.Entry<Cell, CellFigures> cell : cells.entrySet()) {
            groups.computeIfAbsent(grouping.keyOf(cell.getKey()), key -> new ArrayList<>()).add(cell);
        }
        return groups;
    }
}
