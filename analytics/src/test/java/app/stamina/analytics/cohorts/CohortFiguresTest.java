package app.stamina.analytics.cohorts;

import app.stamina.analytics.SeededCohort;
import app.stamina.analytics.facts.AthleteFacts;
import app.stamina.api.Milestone;
import app.stamina.api.event.AthleteEnrolled;
import app.stamina.api.event.MilestoneReached;
import app.stamina.api.event.RehabEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Cohort figures against a straightforward computation of the same figures from the raw events of a seeded random
 * cohort ({@link SeededCohort}), without any of the production code (no facts document, no quartile or survival
 * code).
 */
class CohortFiguresTest {

    private static SeededCohort cohort;
    private static Map<String, List<RehabEvent>> streams;
    private static Population population;
    private static CohortFigures figures;

    @BeforeAll
    static void generateAndProject() {
        cohort = new SeededCohort(7, 400);
        streams = cohort.streams();
        population = CohortIndex.of(cohort.projected()).read(everyone -> everyone);
        figures = new CohortFigures(null, 11);
    }

    // The straightforward computation -----------------------------------------------------------------------------

    /** Per athlete, the sessions and setbacks of each week ended by the cut-off. */
    private static List<int[]> naiveWeeks(String id) {
        List<int[]> weeks = new ArrayList<>();
        for (int week = 0; week < cohort.naiveEndedWeeks(id); week++) {
            int[] metrics = cohort.naiveWeek(id, week);
            weeks.add(new int[]{metrics[1], metrics[3]});
        }
        return weeks;
    }

    private static double naiveQuantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    // The comparisons --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "condition", "sex,condition", "tag:arm", "ageBand", "surgery,tag:arm"})
    void trendQuartilesAndMeansMatchAStraightforwardComputation(String groupBy) {
        Grouping grouping = Grouping.parse(groupBy);
        CohortFigures.Trends trends = figures.trends(population, Metric.parse("bestHoldSeconds"), grouping, 0, 20);
        assertThat(trends.rows()).isNotEmpty();
        for (CohortFigures.TrendRow row : trends.rows()) {
            List<Double> values = new ArrayList<>();
            for (String id : streams.keySet()) {
                int[] week = cohort.naiveWeek(id, row.week());
                if (week != null && cohort.naiveKey(id, grouping.keys()).equals(keyString(row.key()))) {
                    values.add((double) week[0]);
                }
            }
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            assertMatches(row, sorted);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sex", "tag:arm"})
    void workingLoadTrendsCountOnlyAthletesWithALoadAndMatchAStraightforwardComputation(String groupBy) {
        Grouping grouping = Grouping.parse(groupBy);
        CohortFigures.Trends trends = figures.trends(population, Metric.parse("workingLoadKg:deadlift"), grouping, 0, 24);
        assertThat(trends.rows()).hasSizeGreaterThan(5);
        for (CohortFigures.TrendRow row : trends.rows()) {
            double[] sorted = streams.keySet().stream()
                    .filter(id -> cohort.naiveKey(id, grouping.keys()).equals(keyString(row.key())))
                    .map(id -> cohort.naiveDeadlift(id, row.week())).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).sorted().toArray();
            assertMatches(row, sorted);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "condition", "sex,tag:arm"})
    void setbackRatesAndMedianSessionsMatchAStraightforwardComputation(String groupBy) {
        Grouping grouping = Grouping.parse(groupBy);
        CohortFigures.Cohorts cohorts = figures.cohorts(population, grouping);
        assertThat(cohorts.cohorts()).isNotEmpty();
        for (CohortFigures.CohortRow row : cohorts.cohorts()) {
            List<int[]> weeks = streams.keySet().stream()
                    .filter(id -> cohort.naiveKey(id, grouping.keys()).equals(keyString(row.key())))
                    .flatMap(id -> naiveWeeks(id).stream()).toList();
            double setbacks = weeks.stream().mapToInt(w -> w[1]).sum();
            double[] sessions = weeks.stream().mapToDouble(w -> w[0]).sorted().toArray();
            assertThat(row.setbacksPer100Weeks().doubleValue()).as("setbacks of %s", row.key())
                    .isCloseTo(setbacks * 100 / weeks.size(), within(0.05));
            assertThat(row.medianSessionsPerWeek().doubleValue()).isEqualTo(naiveQuantile(sessions, 0.5));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "condition,sex"})
    void figuresMergedFromHalvesAndFromReplacedAthletesEqualThoseBuiltAtOnce(String groupBy) {
        List<AthleteFacts> firstHalf = new ArrayList<>();
        List<AthleteFacts> secondHalf = new ArrayList<>();
        List<AthleteFacts> earlierVersions = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<RehabEvent>> stream : streams.entrySet()) {
            (i++ % 2 == 0 ? firstHalf : secondHalf).add(SeededCohort.project(stream.getKey(), stream.getValue()));
            earlierVersions.add(SeededCohort.project(stream.getKey(), stream.getValue().subList(0, stream.getValue().size() / 2)));
        }
        CohortIndex merged = CohortIndex.of(earlierVersions);
        merged.written(secondHalf);
        merged.written(firstHalf);
        merged.written(earlierVersions);
        Grouping grouping = Grouping.parse(groupBy);
        Population everyone = merged.read(p -> p);
        assertThat(figures.trends(everyone, Metric.parse("totalHoldSeconds"), grouping, 0, 20))
                .isEqualTo(figures.trends(population, Metric.parse("totalHoldSeconds"), grouping, 0, 20));
        assertThat(figures.trends(everyone, Metric.parse("workingLoadKg:deadlift"), grouping, 0, 20))
                .isEqualTo(figures.trends(population, Metric.parse("workingLoadKg:deadlift"), grouping, 0, 20));
        assertThat(figures.milestones(everyone, "hold-120s", grouping))
                .isEqualTo(figures.milestones(population, "hold-120s", grouping));
        assertThat(figures.cohorts(everyone, grouping)).isEqualTo(figures.cohorts(population, grouping));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sex", "condition,sex"})
    void kaplanMeierCurvesAndMediansMatchAStraightforwardComputation(String groupBy) {
        Grouping grouping = Grouping.parse(groupBy);
        CohortFigures.Milestones milestones = figures.milestones(population, "hold-120s", grouping);
        assertThat(milestones.rows()).isNotEmpty();
        for (CohortFigures.MilestoneRow row : milestones.rows()) {
            Map<Integer, int[]> byDay = new HashMap<>();
            int n = 0;
            for (String id : streams.keySet()) {
                if (!cohort.naiveKey(id, grouping.keys()).equals(keyString(row.key()))) {
                    continue;
                }
                n++;
                AthleteEnrolled e = cohort.enrollment(id);
                LocalDate enrollDate = e.enrolledAt().atZoneSameInstant(e.timeZone()).toLocalDate();
                int observed = (int) ChronoUnit.DAYS.between(enrollDate, cohort.cutOff().atZone(e.timeZone()).toLocalDate());
                Integer reached = streams.get(id).stream()
                        .filter(ev -> ev instanceof MilestoneReached m && m.milestone() == Milestone.HOLD_120S).findFirst()
                        .map(ev -> (int) ChronoUnit.DAYS.between(enrollDate, ev.occurredAt().atZoneSameInstant(e.timeZone()).toLocalDate()))
                        .orElse(null);
                int day = reached != null ? reached : observed;
                byDay.computeIfAbsent(day, d -> new int[2])[reached != null ? 0 : 1]++;
            }
            double survival = 1.0;
            int atRisk = n;
            Integer median = null;
            Map<Integer, Double> expected = new HashMap<>();
            for (int day : byDay.keySet().stream().sorted().toList()) {
                int[] counts = byDay.get(day);
                survival *= 1.0 - (double) counts[0] / atRisk;
                expected.put(day, survival);
                if (median == null && survival <= 0.5) {
                    median = day;
                }
                atRisk -= counts[0] + counts[1];
            }
            assertThat(row.curve().getFirst().atRisk()).isEqualTo(n);
            for (KaplanMeier.Point point : row.curve()) {
                if (expected.containsKey(point.day())) {
                    assertThat(point.survival().doubleValue()).as("S(%d)", point.day())
                            .isCloseTo(expected.get(point.day()), within(0.00005));
                }
            }
            assertThat(row.medianDays()).isEqualTo(median);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"condition", "ageBand", "enrollmentMonth", "sex,ageBand", "condition,surgery,tag:arm",
            "ageBand,enrollmentMonth,sex"})
    void noGroupUnderTheMinimumAndNoneThatASubtractionWouldReveal(String groupBy) {
        Grouping grouping = Grouping.parse(groupBy);
        CohortFigures.Cohorts cohorts = figures.cohorts(population, grouping);
        Map<String, Integer> sizes = new HashMap<>();
        List<List<String>> subsets = grouping.coarser();
        for (String id : streams.keySet()) {
            sizes.merge(cohort.naiveKey(id, grouping.keys()), 1, Integer::sum);
            for (List<String> subset : subsets) {
                sizes.merge("parent:" + cohort.naiveKey(id, subset), 1, Integer::sum);
            }
        }
        int shown = 0;
        for (CohortFigures.CohortRow row : cohorts.cohorts()) {
            shown++;
            assertThat(row.athletes()).isGreaterThanOrEqualTo(11).isEqualTo(sizes.get(keyString(row.key())));
            for (List<String> subset : subsets) {
                StringBuilder parent = new StringBuilder("parent:");
                subset.forEach(name -> parent.append(name).append('=').append(row.key().get(name)).append(';'));
                int rest = sizes.get(parent.toString()) - row.athletes();
                assertThat(rest).as("%s minus %s", parent, row.key()).satisfiesAnyOf(r -> assertThat(r).isZero(),
                        r -> assertThat(r).isGreaterThanOrEqualTo(11));
            }
        }
        long groups = sizes.keySet().stream().filter(k -> !k.startsWith("parent:")).count();
        assertThat(shown + cohorts.suppressedGroups()).isEqualTo((int) groups);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ageBand,enrollmentMonth,sex", "ageBand,condition,enrollmentMonth"})
    void suppressedTrendRowsAreCountedAndNeverShown(String groupBy) {
        CohortFigures.Trends trends = figures.trends(population, Metric.parse("sessions"), Grouping.parse(groupBy), 0, 8);
        assertThat(trends.rows()).allMatch(row -> row.n() >= 11);
        assertThat(trends.suppressedGroups()).isPositive();
    }

    /** The row's n, quartiles and mean are those of the sorted values computed straightforwardly. */
    private static void assertMatches(CohortFigures.TrendRow row, double[] sorted) {
            assertThat(row.n()).as("n of %s week %d", row.key(), row.week()).isEqualTo(sorted.length);
            assertThat(row.p25().doubleValue()).isCloseTo(naiveQuantile(sorted, 0.25), within(1e-9));
            assertThat(row.p50().doubleValue()).isCloseTo(naiveQuantile(sorted, 0.5), within(1e-9));
            assertThat(row.p75().doubleValue()).isCloseTo(naiveQuantile(sorted, 0.75), within(1e-9));
            assertThat(row.mean().doubleValue()).isCloseTo(Arrays.stream(sorted).average().orElseThrow(), within(0.005));
    }

    private static String keyString(Map<String, String> key) {
        StringBuilder text = new StringBuilder();
        key.forEach((name, value) -> text.append(name).append('=').append(value).append(';'));
        return text.toString();
    }

}
