package app.stamina.analytics.cohorts;

import app.stamina.analytics.cohorts.Contribution.WeeklyMetric;
import app.stamina.analytics.facts.AthleteFacts;
import app.stamina.edge.InvalidRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cohort figures, merged from the count histograms of the cells in each group: weekly trends with exact
 * quartiles, Kaplan-Meier curves to a milestone, and a summary per group. Groups that could identify people are left out ({@link Suppression}) and
 * counted in {@code suppressedGroups}.
 */
@Service
public class CohortFigures {

    static final Set<String> MILESTONES = Set.of("hold-60s", "hold-90s", "hold-120s", "asymmetric-hold",
            AthleteFacts.STRENGTH_UNLOCKED, AthleteFacts.FIRST_LOAD_INCREASE);
    private static final Pattern WEEKS = Pattern.compile("(\\d{1,3})-(\\d{1,3})");
    private static final int MAX_WEEK = 520;

    private final CohortIndex index;
    private final int minCellSize;

    public CohortFigures(CohortIndex index, @Value("${stamina.analytics.min-cell-size}") int minCellSize) {
        this.index = index;
        this.minCellSize = minCellSize;
    }

    public int minCellSize() {
        return minCellSize;
    }

    public Trends trends(String metricName, String groupBy, String weeks) {
        Metric metric = Metric.parse(metricName);
        Grouping grouping = Grouping.parse(groupBy);
        int[] range = weekRange(weeks);
        return index.read(population -> trends(population, metric, grouping, range[0], range[1]));
    }

    /** Per week, each group's values merged from its cells' histograms; cells whose week has not ended count not. */
    Trends trends(Population population, Metric metric, Grouping grouping, int fromWeek, int toWeek) {
        var groups = population.groups(grouping);
        List<TrendRow> rows = new ArrayList<>();
        int suppressed = 0;
        for (int week = fromWeek; week <= toWeek; week++) {
            Map<Map<String, String>, Histogram> values = new HashMap<>();
            Map<Map<String, String>, Long> sizes = new HashMap<>();
            for (var group : groups.entrySet()) {
                Histogram merged = new Histogram();
                for (Map.Entry<Cell, CellFigures> cell : group.getValue()) {
                    if (cell.getKey().ended(week, population.cutOff())) {
                        metric.addValues(cell.getValue(), week, merged);
                    }
                }
                values.put(group.getKey(), merged);
                sizes.put(group.getKey(), merged.n());
            }
            Suppression suppression = new Suppression(grouping, sizes, minCellSize);
            suppressed += suppression.hiddenGroups();
            for (Map<String, String> key : suppression.shownGroups()) {
                Quartiles q = Quartiles.of(values.get(key), metric.unit());
                rows.add(new TrendRow(key, week, (int) q.n(), q.p25(), q.p50(), q.p75(), q.mean()));
            }
        }
        return new Trends(metric.toString(), minCellSize, rows, suppressed);
    }

    public Milestones milestones(String milestone, String groupBy) {
        if (milestone == null || !MILESTONES.contains(milestone)) {
            throw InvalidRequest.of("milestone", "must be one of " + new TreeSet<>(MILESTONES));
        }
        Grouping grouping = Grouping.parse(groupBy);
        return index.read(population -> milestones(population, milestone, grouping));
    }

    /** Each cell's athletes reached the milestone on the days of its histogram, or are censored at the cut-off. */
    Milestones milestones(Population population, String milestone, Grouping grouping) {
        var groups = population.groups(grouping);
        Suppression suppression = new Suppression(grouping, athletesPerGroup(groups), minCellSize);
        List<MilestoneRow> rows = new ArrayList<>();
        for (Map<String, String> key : suppression.shownGroups()) {
            Histogram events = new Histogram();
            Histogram censored = new Histogram();
            for (Map.Entry<Cell, CellFigures> cell : groups.get(key)) {
                int observed = cell.getKey().daysObserved(population.cutOff());
                Histogram reached = cell.getValue().milestoneDays(milestone);
                long inTime = 0;
                for (long day : reached.values()) {
                    if (day <= observed) {
                        events.add(day, reached.count(day));
                        inTime += reached.count(day);
                    }
                }
                censored.add(observed, cell.getValue().athletes() - inTime);
            }
            KaplanMeier curve = KaplanMeier.of(events, censored);
            rows.add(new MilestoneRow(key, curve.points(), curve.medianDays()));
        }
        return new Milestones(milestone, minCellSize, rows, suppression.hiddenGroups());
    }

    public Cohorts cohorts(String groupBy) {
        Grouping grouping = Grouping.parse(groupBy);
        return index.read(population -> cohorts(population, grouping));
    }

    /** Per group: athletes, who reached what, setbacks per 100 ended athlete-weeks and the median weekly sessions. */
    Cohorts cohorts(Population population, Grouping grouping) {
        var groups = population.groups(grouping);
        Suppression suppression = new Suppression(grouping, athletesPerGroup(groups), minCellSize);
        List<CohortRow> rows = new ArrayList<>();
        for (Map<String, String> key : suppression.shownGroups()) {
            long athletes = 0;
            long hold120s = 0;
            long strength = 0;
            Histogram setbacks = new Histogram();
            Histogram sessions = new Histogram();
            for (Map.Entry<Cell, CellFigures> cell : groups.get(key)) {
                CellFigures figures = cell.getValue();
                athletes += figures.athletes();
                hold120s += figures.milestoneDays("hold-120s").n();
                strength += figures.milestoneDays(AthleteFacts.STRENGTH_UNLOCKED).n();
                for (int week = 0; week < cell.getKey().endedWeeks(population.cutOff()); week++) {
                    figures.addWeekly(week, WeeklyMetric.SETBACKS, setbacks);
                    figures.addWeekly(week, WeeklyMetric.SESSIONS, sessions);
                }
            }
            rows.add(new CohortRow(key, (int) athletes, percent(hold120s, athletes), percent(strength, athletes),
                    setbacks.isEmpty() ? null : BigDecimal.valueOf(setbacks.sum() * 100)
                            .divide(BigDecimal.valueOf(setbacks.n()), 1, RoundingMode.HALF_EVEN),
                    sessions.isEmpty() ? null : Quartiles.of(sessions, 1).p50()));
        }
        return new Cohorts(minCellSize, rows, suppression.hiddenGroups());
    }

    private static Map<Map<String, String>, Long> athletesPerGroup(
            Map<Map<String, String>, List<Map.Entry<Cell, CellFigures>>> groups) {
        Map<Map<String, String>, Long> sizes = new HashMap<>();
        groups.forEach((key, cells) -> sizes.put(key, cells.stream().mapToLong(cell -> cell.getValue().athletes()).sum()));
        return sizes;
    }

    private static BigDecimal percent(long count, long of) {
        return BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_EVEN);
    }

    static int[] weekRange(String weeks) {
        if (weeks == null || weeks.isBlank()) {
            return new int[]{0, 12};
        }
        Matcher matcher = WEEKS.matcher(weeks);
        if (!matcher.matches()) {
            throw InvalidRequest.of("weeks", "must be a range of relative weeks such as 0-12");
        }
        int from = Integer.parseInt(matcher.group(1));
        int to = Integer.parseInt(matcher.group(2));
        if (from > to || to > MAX_WEEK) {
            throw InvalidRequest.of("weeks", "must go from a lower to a higher week, at most " + MAX_WEEK);
        }
        return new int[]{from, to};
    }

    public record TrendRow(Map<String, String> key, int week, int n, BigDecimal p25, BigDecimal p50, BigDecimal p75,
                           BigDecimal mean) {
    }

    public record Trends(String metric, int minCellSize, List<TrendRow> rows, int suppressedGroups) {
    }

    public record MilestoneRow(Map<String, String> key, List<KaplanMeier.Point> curve, Integer medianDays) {
    }

    public record Milestones(String milestone, int minCellSize, List<MilestoneRow> rows, int suppressedGroups) {
    }

    public record CohortRow(Map<String, String> key, int athletes, BigDecimal reachedHold120sPct,
                            BigDecimal reachedStrengthPct, BigDecimal setbacksPer100Weeks,
                            BigDecimal medianSessionsPerWeek) {
    }

    public record Cohorts(int minCellSize, List<CohortRow> cohorts, int suppressedGroups) {
    }
}
