package app.stamina.analytics.simulator;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * One synthetic athlete and the dice that decide their weeks. Hold times grow with noise (a test-retest error of
 * about 12 to 17 s), capped at 240 s as in the Biering-Sorensen test; adherent athletes average about 3.8 sessions
 * a week against 3 prescribed; about a quarter drop out within twelve weeks, those in more pain earlier.
 */
final class SimulatedAthlete {

    private static final List<String> CONDITIONS = List.of("strain", "strain", "strain", "herniated-disc",
            "herniated-disc", "fusion", "spondylolisthesis", "stenosis", "other");
    private static final List<String> ZONES = List.of("Europe/Amsterdam", "Europe/London", "America/New_York",
            "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney");

    final String id;
    final Random random;
    final String condition;
    final String surgery;
    final String sex;
    final int birthYear;
    final String arm;
    final ZoneId zone;
    final LocalDate enrollDate;
    final double baselineHold;
    final double weeklyGain;
    final int pain;
    final double sessionsPerWeek;
    final double dropoutPerWeek;
    final int deadliftMaxLb;

    SimulatedAthlete(String id, long seed, LocalDate start) {
        this.id = id;
        this.random = new Random(seed);
        this.condition = pick(CONDITIONS);
        this.surgery = switch (condition) {
            case "fusion" -> "fusion";
            case "herniated-disc" -> random.nextInt(3) == 0 ? "discectomy" : "none";
            case "stenosis" -> random.nextInt(2) == 0 ? "decompression" : "none";
            default -> "none";
        };
        this.sex = random.nextInt(100) < 48 ? "female" : random.nextInt(100) < 96 ? "male" : "other";
        this.birthYear = 2026 - 20 - random.nextInt(50);
        this.arm = random.nextBoolean() ? "A" : "B";
        this.zone = ZoneId.of(pick(ZONES));
        this.enrollDate = start.plusDays(random.nextInt(28));
        boolean surgical = !surgery.equals("none");
        this.baselineHold = Math.max(15, 45 + random.nextGaussian() * 15 - (surgical ? 10 : 0));
        this.weeklyGain = Math.max(1, 9 + random.nextGaussian() * 3 + (arm.equals("B") ? 1.5 : 0) - (surgical ? 2 : 0));
        this.pain = random.nextInt(10) < 7 ? random.nextInt(3) : 3 + random.nextInt(4);
        this.sessionsPerWeek = Math.max(1, 3.8 + random.nextGaussian() * 0.8 - pain * 0.15);
        this.dropoutPerWeek = 0.012 + pain * 0.006;
        this.deadliftMaxLb = 185 + 10 * random.nextInt(20);
    }

    /** A hold in week {@code week}: the trend plus noise, capped like the test. */
    int holdSeconds(int week) {
        double noise = random.nextGaussian() * (pain > 2 ? 12 : 17);
        return (int) Math.max(5, Math.min(240, baselineHold + weeklyGain * week + noise));
    }

    /** Pain on a day: easing by a point every three weeks, now and then (one day in ten) worse. */
    int painOn(int week) {
        int eased = Math.max(0, pain - week / 3);
        return Math.min(10, eased + (random.nextInt(10) == 0 ? 2 + random.nextInt(3) : 0));
    }

    boolean dropsOutIn(int week) {
        return week > 0 && random.nextDouble() < dropoutPerWeek;
    }

    /** Sessions this week: around {@link #sessionsPerWeek}, never more than 7. */
    int sessionsIn() {
        double wanted = sessionsPerWeek + random.nextGaussian() * 0.9;
        return (int) Math.max(0, Math.min(7, Math.round(wanted)));
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** Event ids drawn from the athlete's dice: the same seed gives the same ids, so a re-run is all duplicates. */
    UUID nextEventId() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
