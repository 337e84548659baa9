package app.stamina.benchmarks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;

/** The bodies the harness sends: enrollments and holds as a phone would, dated in the past. */
final class Requests {

    static final int COHORT_WEEKS = 26;
    private static final String[] CONDITIONS = {"strain", "herniated-disc", "fusion", "spondylolisthesis", "stenosis", "other"};
    private static final String[] SEXES = {"female", "male"};
    private static final String[] SURGERIES = {"none", "discectomy", "fusion"};

    private Requests() {
    }

    /** The day athletes of the benchmark enroll: long enough ago for 26 weeks to have ended. */
    static LocalDate enrollDay() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(7L * COHORT_WEEKS + 14);
    }

    static String enrollment(Random random) {
        return """
                {"eventId":"%s","birthYear":%d,"sex":"%s","condition":"%s","surgery":"%s","injuryDate":"%s",
                 "timeZone":"UTC","enrolledAt":"%sT08:00:00Z","priorMaxima":[{"lift":"deadlift","load":{"value":140,"unit":"kg"}}],
                 "tags":["study:bench","arm:%s"]}""".formatted(UUID.randomUUID(), 1950 + random.nextInt(50),
                SEXES[random.nextInt(SEXES.length)], CONDITIONS[random.nextInt(CONDITIONS.length)],
                SURGERIES[random.nextInt(SURGERIES.length)], enrollDay().minusDays(90), enrollDay(),
                random.nextBoolean() ? "A" : "B");
    }

    static String hold(String occurredAt, int seconds, boolean inSync) {
        return """
                {%s"eventId":"%s","occurredAt":"%s","durationSeconds":%d,"placement":"none","neutralHeld":true,"pain":1}"""
                .formatted(inSync ? "\"type\":\"hold\"," : "", UUID.randomUUID(), occurredAt, seconds);
    }

    /** Four sessions a week for {@code weeks} weeks from the enrollment day: holds lengthening with noise. */
    static String cohortSync(Random random, int weeks) {
        StringBuilder entries = new StringBuilder();
        int seconds = 30 + random.nextInt(30);
        for (int week = 0; week < weeks; week++) {
            for (int session : new int[]{0, 2, 4, 6}) {
                seconds = Math.min(240, Math.max(10, seconds + random.nextInt(9) - 2));
                LocalDate day = enrollDay().plusDays(7L * week + session);
                entries.append(entries.isEmpty() ? "" : ",").append(hold(day + "T18:00:00Z", seconds, true));
            }
        }
        return "{\"entries\":[" + entries + "]}";
    }

    /** {@code count} (at most 120) holds on one day, a minute apart from 06:00, in one sync. */
    static String holdsSync(LocalDate day, int count) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String at = "%sT%02d:%02d:00Z".formatted(day, 6 + i / 60, i % 60);
            entries.append(i == 0 ? "" : ",").append(hold(at, 45, true));
        }
        return "{\"entries\":[" + entries + "]}";
    }
}
