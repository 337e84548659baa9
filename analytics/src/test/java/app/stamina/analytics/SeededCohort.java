package app.stamina.analytics;

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

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A seeded random cohort of raw events, and the research figures of each athlete computed from those events
 * straightforwardly, without any of the production code (no facts document, no index): what the tests of cohort
 * figures and exports compare the production figures with.
 */
public final class SeededCohort {

    private static final ObjectMapper JSON = StaminaJson.mapper();
    private static final List<String> ZONES = List.of("Europe/Amsterdam", "America/New_York", "Asia/Tokyo", "UTC");

    /** Each athlete's raw events, as generated. */
    private final Map<String, List<RehabEvent>> streams = new LinkedHashMap<>();
    private final Instant cutOff;

    public SeededCohort(long seed, int athletes) {
        Random random = new Random(seed);
        for (int i = 0; i < athletes; i++) {
            streams.put("sim-" + i, athlete(random, "sim-" + i));
        }
        cutOff = streams.values().stream().flatMap(List::stream).map(e -> e.occurredAt().toInstant())
                .max(Instant::compareTo).orElseThrow();
    }

    public Map<String, List<RehabEvent>> streams() {
        return streams;
    }

    /** Every athlete's research document, each with all of their events applied. */
    public List<AthleteFacts> projected() {
        return streams.entrySet().stream().map(stream -> project(stream.getKey(), stream.getValue())).toList();
    }

    public static AthleteFacts project(String id, List<RehabEvent> events) {
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
                String kg = (40 + random.nextInt(30)) + "." + random.nextInt(10);
                events.add(new LiftStatusChanged(athlete, at.plusMinutes(10), Lift.DEADLIFT, Load.kg(kg),
                        false, Load.kg("75"), UUID.randomUUID()));
            }
            if (random.nextInt(40) == 0) {
                events.add(SetbackReported.of(UUID.randomUUID(), athlete, at.plusMinutes(30), Severity.MILD,
                        List.of(Symptom.STIFFNESS), null));
            }
        }
        return events;
    }

    /** The {@code occurredAt} of the newest event of all. */
    public Instant cutOff() {
        return cutOff;
    }

    public AthleteEnrolled enrollment(String id) {
        return (AthleteEnrolled) streams.get(id).getFirst();
    }

    private LocalDate enrollDate(String id) {
        AthleteEnrolled e = enrollment(id);
        return e.enrolledAt().atZoneSameInstant(e.timeZone()).toLocalDate();
    }

    /** {@code name=value;} for each of {@code keys} (grouping keys such as {@code ageBand} or {@code tag:arm}). */
    public String naiveKey(String id, List<String> keys) {
        AthleteEnrolled e = enrollment(id);
        LocalDate enrollDate = enrollDate(id);
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

    /** Relative weeks of the athlete whose last day was over by the cut-off. */
    public int naiveEndedWeeks(String id) {
        AthleteEnrolled e = enrollment(id);
        return (int) (ChronoUnit.DAYS.between(enrollDate(id), cutOff.atZone(e.timeZone()).toLocalDate()) / 7);
    }

    /**
     * The best hold, sessions (days with a counted hold), total hold and setbacks of relative week {@code week},
     * or null when the week had not ended by the cut-off.
     */
    public int[] naiveWeek(String id, int week) {
        if (week >= naiveEndedWeeks(id)) {
            return null;
        }
        AthleteEnrolled e = enrollment(id);
        LocalDate start = enrollDate(id).plusDays(7L * week);
        int best = 0;
        int total = 0;
        int setbacks = 0;
        Set<LocalDate> days = new HashSet<>();
        for (RehabEvent event : streams.get(id)) {
            LocalDate day = event.occurredAt().atZoneSameInstant(e.timeZone()).toLocalDate();
            if (day.isBefore(start) || !day.isBefore(start.plusDays(7))) {
                continue;
            }
            if (event instanceof HoldCompleted h && h.countsTowardProgress()) {
                best = Math.max(best, h.durationSeconds());
                total += h.durationSeconds();
                days.add(day);
            }
            if (event instanceof SetbackReported) {
                setbacks++;
            }
        }
        return new int[]{best, days.size(), total, setbacks};
    }

    /** The deadlift working load in kilograms at the end of the week, or null when none or the week is not over. */
    public Double naiveDeadlift(String id, int week) {
        if (week >= naiveEndedWeeks(id)) {
            return null;
        }
        AthleteEnrolled e = enrollment(id);
        LocalDate end = enrollDate(id).plusDays(7L * week + 6);
        Double load = null;
        for (RehabEvent event : streams.get(id)) {
            if (event instanceof LiftStatusChanged c
                    && !c.occurredAt().atZoneSameInstant(e.timeZone()).toLocalDate().isAfter(end)) {
                load = c.workingLoad().kg().doubleValue();
            }
        }
        return load;
    }
}
