package app.stamina.analytics.cohorts;

import app.stamina.analytics.facts.AthleteFacts;
import app.stamina.analytics.facts.AthleteFactsStore;
import app.stamina.edge.InvalidRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cohort figures over every athlete's facts: weekly trends with exact quartiles, Kaplan-Meier curves to a
 * milestone, and a summary per group. Groups that could identify people are left out ({@link Suppression}) and
 * counted in {@code suppressedGroups}.
 */
@Service
public class CohortFigures {

    static final Set<String> MILESTONES = Set.of("hold-60s", "hold-90s", "hold-120s", "asymmetric-hold",
            AthleteFacts.STRENGTH_UNLOCKED, AthleteFacts.FIRST_LOAD_INCREASE);
    private static final Pattern WEEKS = Pattern.compile("(\\d{1,3})-(\\d{1,3})");
    private static final int MAX_WEEK = 520;

    private final AthleteFactsStore store;
    private final int minCellSize;

    public CohortFigures(AthleteFactsStore store, @Value("${stamina.analytics.min-cell-size}") int minCellSize) {
        this.store = store;
        this.minCellSize = minCellSize;
    }

    public int minCellSize() {
        return minCellSize;
    }

    Population population() {
        List<AthleteFacts> athletes = new ArrayList<>();
        store.forEach(athletes::add);
        return Population.of(athletes);
    }

    public Trends trends(String metricName, String groupBy, String weeks) {
        Metric metric = Metric.parse(metricName);
        Grouping grouping = Grouping.parse(groupBy);
        int[] range = weekRange(weeks);
        return trends(population(), metric, grouping, range[0], range[1]);
    }

    Trends trends(Population population, Metric metric, Grouping grouping, int fromWeek, int toWeek) {
        List<TrendRow> rows = new ArrayList<>();
        int suppressed = 0;
        for (int week = fromWeek; week <= toWeek; week++) {
            int w = week;
            List<AthleteFacts> counted = population.athletes().stream()
                    .filter(a -> population.ended(a, w) && metric.valueOf(a, w) != null).toList();
            Suppression suppression = new Suppression(grouping, counted, minCellSize);
            suppressed += suppression.hiddenGroups();
            for (Map.Entry<Map<String, String>, List<AthleteFacts>> group : suppression.shownGroups().entrySet()) {
                long[] values = group.getValue().stream().mapToLong(a -> metric.valueOf(a, w)).toArray();
                Quartiles q = Quartiles.of(values, metric.unit());
                rows.add(new TrendRow(group.getKey(), week, q.n(), q.p25(), q.p50(), q.p75(), q.mean()));
            }
        }
        return new Trends(metric.toString(), minCellSize, rows, suppressed);
    }

    public Milestones milestones(String milestone, String groupBy) {
        if (milestone == null || !MILESTONES.contains(milestone)) {
            throw InvalidRequest.of("milestone", "must be one of " + new TreeSet<>(MILESTONES));
        }
        return milestones(population(), milestone, Grouping.parse(groupBy));
    }

    Milestones milestones(Population population, String milestone, Grouping grouping) {
        Suppression suppression = new Suppression(grouping, population.athletes(), minCellSize);
        List<MilestoneRow> rows = new ArrayList<>();
        for (Map.Entry<Map<String, String>, List<AthleteFacts>> group : suppression.shownGroups().entrySet()) {
            List<KaplanMeier.Observation> observations = group.getValue().stream().map(athlete -> {
                Integer day = athlete.milestoneDays().get(milestone);
                int observed = population.daysObserved(athlete);
                return day != null && day <= observed ? KaplanMeier.Observation.event(day)
                        : KaplanMeier.Observation.censored(observed);
            }).toList();
            KaplanMeier curve = KaplanMeier.of(observations);
            rows.add(new MilestoneRow(group.getKey(), curve.points(), curve.medianDays()));
        }
        return new Milestones(milestone, minCellSize, rows, suppression.hiddenGroups());
    }

    public Cohorts cohorts(String groupBy) {
        return cohorts(population(), Grouping.parse(groupBy));
    }

    Cohorts cohorts(Population population, Grouping grouping) {
        Suppression suppression = new Suppression(grouping, population.athletes(), minCellSize);
        List<CohortRow> rows = new ArrayList<>();
        for (Map.Entry<Map<String, String>, List<AthleteFacts>> group : suppression.shownGroups().entrySet()) {
            List<AthleteFacts> members = group.getValue();
            long weeks = 0;
            long setbacks = 0;
            List<Long> sessions = new ArrayList<>();
            for (AthleteFacts athlete : members) {
                for (int week = 0; week < population.endedWeeks(athlete); week++) {
                    weeks++;
                    var facts = athlete.weeks().get(week);
                    setbacks += facts == null ? 0 : facts.setbacks();
                    sessions.add(facts == null ? 0L : facts.sessions());
                }
            }
            rows.add(new CohortRow(group.getKey(), members.size(),
                    percent(members.stream().filter(a -> a.milestoneDays().containsKey("hold-120s")).count(), members.size()),
                    percent(members.stream().filter(a -> a.milestoneDays().containsKey(AthleteFacts.STRENGTH_UNLOCKED)).count(), members.size()),
                    weeks == 0 ? null : BigDecimal.valueOf(setbacks * 100).divide(BigDecimal.valueOf(weeks), 1, RoundingMode.HALF_EVEN),
                    sessions.isEmpty() ? null : Quartiles.of(sessions.stream().mapToLong(Long::longValue).toArray(), 1).p50()));
        }
        return new Cohorts(minCellSize, rows, suppression.hiddenGroups());
    }

    private static BigDecimal percent(long count, int of) {
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
