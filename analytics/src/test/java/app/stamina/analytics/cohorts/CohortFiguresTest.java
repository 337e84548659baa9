package app.stamina.analytics.cohorts;

import app.stamina.analytics.facts.AthleteFacts;
import app.stamina.api.AthleteId;
import app.stamina.api.Condition;
import app.stamina.api.Lift;
import app.stamina.api.Load;
import app.stamina.api.Milestone;
import app.stamina.api.Placement;
import app.stamina.api.Severity;
import app.stamina.api.Sex;
import app.stamina.api.StaminaJson;
import app.stamina.api.Surgery;
import app.stamina.api.Symptom;
import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.event.AthleteEnrolled;
import app.stamina.api.event.HoldCompleted;
import app.stamina.api.event.LiftStatusChanged;
import app.stamina.api.event.MilestoneReached;
import app.stamina.api.event.RehabEvent;
import app.stamina.api.event.SetbackReported;
import app.stamina.api.event.StrengthPhaseUnlocked;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Cohort figures against a straightforward computation of the same figures, done here from the raw events of a
 * seeded random cohort without any of the production code (no facts document, no quartile or survival code).
 */
class CohortFiguresTest {

    private static final ObjectMapper JSON = StaminaJson.mapper();
    private static final int ATHLETES = 400;
    private static final List<String> ZONES = List.of("Europe/Amsterdam", "America/New_York", "Asia/Tokyo", "UTC");

    /** Each athlete's raw events, as generated. */
    private static final Map<String, List<RehabEvent>> streams = new LinkedHashMap<>();
    private static Population population;
    private static CohortFigures figures;

    @BeforeAll
    static void generateAndProject() {
        Random random = new Random(7);
        List<AthleteFacts> projected = new ArrayList<>();
        for (int i = 0; i < ATHLETES; i++) {
            List<RehabEvent> events = athlete(random, "sim-" + i);
            streams.put("sim-" + i, events);
            projected.add(project("sim-" + i, events));
        }
        population = CohortIndex.of(projected).read(everyone -> everyone);
        figures = new CohortFigures(null, 11);
    }

    private static AthleteFacts project(String id, List<RehabEvent> events) {
        AthleteFacts facts = AthleteFacts.of(id);
        for (int v = 0; v < events.size(); v++) {
            RehabEvent event = events.get(v);
            facts.apply(EventEnvelope.of(UUID.randomUUID().toString(), event, v + 1, Instant.EPOCH, null, JSON), event);
        }
        return facts;
    }

    private static List<RehabEvent> athlete(Random random, String id) {
        AthleteId athlete = AthleteId.of(id);
        ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
        OffsetDateTime enrolled = LocalDate.parse("2026-03-02").plusDays(random.nextInt(120)).atTime(9, 0)
                .atZone(zone).toOffsetDateTime();
        List<RehabEvent> events = new ArrayList<>();
        events.add(new AthleteEnrolled(UUID.randomUUID(), athlete, enrolled, 1950 + random.nextInt(50),
                Sex.values()[random.nextInt(2)], Condition.values()[random.nextInt(3)],
                Surgery.values()[random.nextInt(2)], LocalDate.parse("2026-01-01"), zone, List.of(),
                List.of("arm:" + (random.nextBoolean() ? "A" : "B"))));
        int days = 30 + random.nextInt(150);
        int hold = 20 + random.nextInt(40);
        boolean unlocked = false;
        for (int day = 0; day < days; day++) {
            if (random.nextInt(7) >= 3) {
                continue;
            }
            OffsetDateTime at = enrolled.plusDays(day).plusHours(random.nextInt(12));
            hold = Math.min(300, hold + random.nextInt(6));
            boolean counts = random.nextInt(10) > 0;
            events.add(new HoldCompleted(UUID.randomUUID(), athlete, at, hold, null, Placement.NONE, counts, 1, counts,
                    List.of()));
            if (counts && hold >= 120 && events.stream().noneMatch(e -> e instanceof MilestoneReached m && m.milestone() == Milestone.HOLD_120S)) {
                events.add(new MilestoneReached(athlete, at, Milestone.HOLD_120S, UUID.randomUUID()));
            }
            if (!unlocked && hold >= 150 && random.nextInt(4) == 0) {
                unlocked = true;
                events.add(new StrengthPhaseUnlocked(athlete, at, UUID.randomUUID()));
                events.add(new LiftStatusChanged(athlete, at.plusMinutes(5), Lift.DEADLIFT, Load.kg("40"), false,
                        Load.kg("45"), UUID.randomUUID()));
            }
            if (unlocked && random.nextInt(9) == 0) {
                int kg = 40 + random.nextInt(30);
                events.add(new LiftStatusChanged(athlete, at.plusMinutes(10), Lift.DEADLIFT, Load.kg(String.valueOf(kg)),
                        false, Load.kg(String.valueOf(kg + 5)), UUID.randomUUID()));
            }
            if (random.nextInt(40) == 0) {
                events.add(SetbackReported.of(UUID.randomUUID(), athlete, at.plusMinutes(30), Severity.MILD,
                        List.of(Symptom.STIFFNESS), null));
            }
        }
        return events;
    }

    // The straightforward computation -----------------------------------------------------------------------------

    private static Instant cutOff;

    private static Instant cutOff() {
        if (cutOff == null) {
            cutOff = streams.values().stream().flatMap(List::stream).map(e -> e.occurredAt().toInstant())
                    .max(Instant::compareTo).orElseThrow();
        }
        return cutOff;
    }

    private static AthleteEnrolled enrollment(String id) {
        return (AthleteEnrolled) streams.get(id).getFirst();
    }

    private static String naiveKey(String id, List<String> keys) {
        AthleteEnrolled e = enrollment(id);
        LocalDate enrollDate = e.enrolledAt().atZoneSameInstant(e.timeZone()).toLocalDate();
        StringBuilder key = new StringBuilder();
        for (String name : keys) {
            key.append(name).append('=').append(switch (name) {
                case "condition" -> e.condition().code();
                case "sex" -> e.sex().code();
                case "surgery" -> e.surgery().code();
                case "ageBand" -> ((enrollDate.getYear() - e.birthYear()) / 10 * 10) + "-" + ((enrollDate.getYear() - e.birthYear()) / 10 * 10 + 9);
                case "enrollmentMonth" -> enrollDate.toString().substring(0, 7);
                default -> e.tags().getFirst().substring(4);
            }).append(';');
        }
        return key.toString();
    }

    private static Long naiveBestHold(String id, int week) {
        AthleteEnrolled e = enrollment(id);
        LocalDate start = e.enrolledAt().atZoneSameInstant(e.timeZone()).toLocalDate().plusDays(7L * week);
        LocalDate cutOffDay = cutOff().atZone(e.timeZone()).toLocalDate();
        if (start.plusDays(7).isAfter(cutOffDay)) {
            return null;
        }
        long best = 0;
        for (RehabEvent event : streams.get(id)) {
            if (event instanceof HoldCompleted h && h.countsTowardProgress()) {
                LocalDate day = h.occurredAt().atZoneSameInstant(e.timeZone()).toLocalDate();
                if (!day.isBefore(start) && day.isBefore(start.plusDays(7))) {
                    best = Math.max(best, h.durationSeconds());
                }
            }
        }
        return best;
    }

    /** The deadlift working load in kilograms at the end of the week, or null when none or the week is not over. */
    private static Double naiveDeadlift(String id, int week) {
        AthleteEnrolled e = enrollment(id);
        LocalDate end = e.enrolledAt().atZoneSameInstant(e.timeZone()).toLocalDate().plusDays(7L * week + 6);
        if (end.plusDays(1).isAfter(cutOff().atZone(e.timeZone()).toLocalDate())) {
            return null;
        }
        Double load = null;
        for (RehabEvent event : streams.get(id)) {
            if (event instanceof LiftStatusChanged c
                    && !c.occurredAt().atZoneSameInstant(e.timeZone()).toLocalDate().isAfter(end)) {
                load = c.workingLoad().kg().doubleValue();
            }
        }
        return load;
    }

    /** Per athlete, the sessions and setbacks of each week ended by the cut-off. */
    private static List<int[]> naiveWeeks(String id) {
        AthleteEnrolled e = enrollment(id);
        LocalDate enrollDate = e.enrolledAt().atZoneSameInstant(e.timeZone()).toLocalDate();
        long ended = ChronoUnit.DAYS.between(enrollDate, cutOff().atZone(e.timeZone()).toLocalDate()) / 7;
        List<int[]> weeks = new ArrayList<>();
        for (int week = 0; week < ended; week++) {
            LocalDate start = enrollDate.plusDays(7L * week);
            Set<LocalDate> days = new HashSet<>();
            int setbacks = 0;
            for (RehabEvent event : streams.get(id)) {
                LocalDate day = event.occurredAt().atZoneSameInstant(e.timeZone()).toLocalDate();
                if (day.isBefore(start) || !day.isBefore(start.plusDays(7))) {
                    continue;
                }
                if (event instanceof HoldCompleted h && h.countsTowardProgress()) {
                    days.add(day);
                }
                if (event instanceof SetbackReported) {
                    setbacks++;
                }
            }
            weeks.add(new int[]{days.size(), setbacks});
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
                Long value = naiveBestHold(id, row.week());
                if (value != null && naiveKey(id, grouping.keys()).equals(keyString(row.key()))) {
                    values.add(value.doubleValue());
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
                    .filter(id -> naiveKey(id, grouping.keys()).equals(keyString(row.key())))
                    .map(id -> naiveDeadlift(id, row.week())).filter(Objects::nonNull)
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
                    .filter(id -> naiveKey(id, grouping.keys()).equals(keyString(row.key())))
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
            (i++ % 2 == 0 ? firstHalf : secondHalf).add(project(stream.getKey(), stream.getValue()));
            earlierVersions.add(project(stream.getKey(), stream.getValue().subList(0, stream.getValue().size() / 2)));
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
                if (!naiveKey(id, grouping.keys()).equals(keyString(row.key()))) {
                    continue;
                }
                n++;
                AthleteEnrolled e = enrollment(id);
                LocalDate enrollDate = e.enrolledAt().atZoneSameInstant(e.timeZone()).toLocalDate();
                int observed = (int) ChronoUnit.DAYS.between(enrollDate, cutOff().atZone(e.timeZone()).toLocalDate());
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
            sizes.merge(naiveKey(id, grouping.keys()), 1, Integer::sum);
            for (List<String> subset : subsets) {
                sizes.merge("parent:" + naiveKey(id, subset), 1, Integer::sum);
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
