package app.stamina.analytics.simulator;

import app.stamina.api.StaminaJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes a realistic synthetic cohort and sends it through the public HTTP API, as phones would: each athlete
 * enrolls, then uploads each week's holds, reps and setbacks with one sync, sets and raises working loads when
 * the strength phase opens, and now and then breaks the protocol (a belt, a load too early) or has a setback.
 * The same seed gives the same cohort, event ids included, so running it twice records it once.
 *
 * <pre>simulate --athletes 1000 --weeks 16 --seed 7 --target http://localhost:8080 [--token JWT] [--start 2026-01-05]</pre>
 *
 * Without {@code --token}, each athlete gets a token of their own from the embedded default's dev endpoint.
 */
public final class Simulator {

    private static final ObjectMapper JSON = StaminaJson.mapper();

    private final Options options;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong factsSent = new AtomicLong();
    private final AtomicLong decisionsRefused = new AtomicLong();
    private final AtomicInteger droppedOut = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private volatile String clinicianToken;

    public Simulator(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        try {
            Summary summary = new Simulator(Options.parse(args), System.out).run();
            System.out.println(summary);
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("simulation failed: " + e);
            System.exit(1);
        }
    }

    public Summary run() throws Exception {
        Instant started = Instant.now();
        out.printf("simulating %d athletes for %d weeks (seed %d) against %s%n", options.athletes(), options.weeks(),
                options.seed(), options.target());
        try (ExecutorService pool = Executors.newFixedThreadPool(options.parallelism())) {
            List<Future<?>> athletes = new ArrayList<>();
            for (int i = 0; i < options.athletes(); i++) {
                int index = i;
                athletes.add(pool.submit(() -> {
                    simulate(new SimulatedAthlete("sim-" + options.seed() + "-" + index, options.seed() * 1_000_003L + index,
                            options.start()));
                    return null;
                }));
            }
            for (Future<?> athlete : athletes) {
                athlete.get();
            }
        }
        return new Summary(options.athletes(), factsSent.get(), decisionsRefused.get(), droppedOut.get(),
                Duration.between(started, Instant.now()));
    }

    private void simulate(SimulatedAthlete athlete) throws IOException, InterruptedException {
        String token = options.token() != null ? options.token() : devToken(athlete.id, "athlete");
        String base = "/api/v1/athletes/" + athlete.id + "/";
        ObjectNode enrollment = JSON.createObjectNode()
                .put("eventId", athlete.nextEventId().toString())
                .put("birthYear", athlete.birthYear).put("sex", athlete.sex).put("condition", athlete.condition)
                .put("surgery", athlete.surgery).put("injuryDate", athlete.enrollDate.minusDays(athlete.between(30, 300)).toString())
                .put("timeZone", athlete.zone.getId())
                .put("enrolledAt", athlete.enrollDate.atTime(8, 0).atZone(athlete.zone).toOffsetDateTime().toString());
        enrollment.putArray("priorMaxima").addObject().put("lift", "deadlift").putObject("load")
                .put("value", athlete.deadliftMaxLb).put("unit", "lb");
        enrollment.putArray("tags").add("study:sim-" + options.seed()).add("arm:" + athlete.arm);
        post(base + "enrollment", enrollment, token);

        String phase = "stamina";
        boolean hold120 = false;
        boolean loaded = false;
        Integer workingLoadLb = null;
        for (int week = 0; week < options.weeks(); week++) {
            if (athlete.dropsOutIn(week)) {
                droppedOut.incrementAndGet();
                break;
            }
            ArrayNode entries = JSON.createArrayNode();
            TreeSet<Integer> days = new TreeSet<>();
            int sessions = athlete.sessionsIn();
            while (days.size() < sessions) {
                days.add(athlete.between(0, 6));
            }
            for (int day : days) {
                LocalDate date = athlete.enrollDate.plusDays(7L * week + day);
                if (!date.isBefore(LocalDate.now(athlete.zone))) {
                    break;
                }
                String at = date.atTime(LocalTime.of(17, athlete.between(0, 59))).atZone(athlete.zone).toOffsetDateTime().toString();
                for (int h = athlete.between(1, 3); h > 0; h--) {
                    int seconds = athlete.holdSeconds(week);
                    hold120 |= seconds >= 120;
                    entries.add(hold(athlete, at, week, seconds, null));
                }
                if (hold120 || athlete.chance(0.03)) {
                    entries.add(hold(athlete, at, week, athlete.between(55, 90), "symmetric"));
                    loaded |= hold120;
                }
                if (loaded) {
                    entries.add(hold(athlete, at, week, athlete.between(55, 80), "left"));
                    entries.add(hold(athlete, at, week, athlete.between(55, 80), "right"));
                }
                if (workingLoadLb != null) {
                    for (int set = 1; set <= 3; set++) {
                        for (int rep = 1; rep <= 5; rep++) {
                            entries.add(rep(athlete, at, week, set, rep, workingLoadLb));
                        }
                    }
                } else if (athlete.chance(0.02)) {
                    entries.add(rep(athlete, at, week, 1, 1, 95));
                }
                if (athlete.chance(0.015)) {
                    entries.add(setback(athlete, at));
                }
            }
            if (entries.isEmpty()) {
                continue;
            }
            factsSent.addAndGet(entries.size());
            ObjectNode sync = JSON.createObjectNode();
            sync.set("entries", entries);
            JsonNode results = post(base + "sync", sync, token).path("results");
            for (JsonNode result : results) {
                if (result.hasNonNull("phase")) {
                    phase = result.path("phase").asText();
                }
            }
            if (phase.equals("paused")) {
                phase = post(base + "resume", JSON.createObjectNode().put("eventId", athlete.nextEventId().toString())
                        .put("note", "seen in clinic"), clinician()).path("phase").asText(phase);
            }
            if (phase.equals("strength") && workingLoadLb == null) {
                int first = (int) (athlete.deadliftMaxLb * 0.45) / 5 * 5;
                JsonNode answer = post(base + "working-loads", decision(athlete, "load", first), token);
                workingLoadLb = answer.has("workingLoad") ? first : null;
            } else if (phase.equals("strength") && athlete.chance(0.5)) {
                int to = workingLoadLb + (athlete.chance(0.1) ? 30 : 10);
                JsonNode answer = post(base + "load-increases", decision(athlete, "toLoad", to), token);
                if (answer.has("workingLoad")) {
                    workingLoadLb = to;
                }
            }
        }
        int finished = done.incrementAndGet();
        if (finished % Math.max(1, options.athletes() / 20) == 0 || finished == options.athletes()) {
            out.printf("simulated %d of %d athletes: %d facts sent, %d decisions refused, %d dropped out%n", finished,
                    options.athletes(), factsSent.get(), decisionsRefused.get(), droppedOut.get());
        }
    }

    private ObjectNode hold(SimulatedAthlete athlete, String at, int week, int seconds, String placement) {
        ObjectNode hold = JSON.createObjectNode().put("type", "hold").put("eventId", athlete.nextEventId().toString())
                .put("occurredAt", at).put("durationSeconds", seconds)
                .put("neutralHeld", !athlete.chance(0.05)).put("pain", athlete.painOn(week));
        if (placement == null) {
            hold.put("placement", "none");
        } else {
            hold.put("placement", placement);
            hold.putObject("load").put("value", placement.equals("symmetric") ? 10 : 8).put("unit", "kg");
        }
        return hold;
    }

    private ObjectNode rep(SimulatedAthlete athlete, String at, int week, int set, int rep, int pounds) {
        ObjectNode node = JSON.createObjectNode().put("type", "rep").put("eventId", athlete.nextEventId().toString())
                .put("occurredAt", at).put("lift", "deadlift").put("set", set).put("rep", rep)
                .put("inCommand", !athlete.chance(0.04)).put("beltUsed", athlete.chance(0.03))
                .put("pain", athlete.painOn(week));
        node.putObject("load").put("value", pounds).put("unit", "lb");
        return node;
    }

    private ObjectNode setback(SimulatedAthlete athlete, String at) {
        int roll = athlete.between(1, 100);
        String severity = roll <= 70 ? "mild" : roll <= 90 ? "moderate" : "severe";
        ObjectNode setback = JSON.createObjectNode().put("type", "setback").put("eventId", athlete.nextEventId().toString())
                .put("occurredAt", at).put("severity", severity).put("note", "simulated");
        ArrayNode symptoms = setback.putArray("symptoms").add(athlete.chance(0.5) ? "spasm" : "stiffness");
        if (athlete.chance(0.05)) {
            symptoms.add("numbness");
        }
        return setback;
    }

    private ObjectNode decision(SimulatedAthlete athlete, String field, int pounds) {
        ObjectNode decision = JSON.createObjectNode().put("eventId", athlete.nextEventId().toString()).put("lift", "deadlift");
        decision.putObject(field).put("value", pounds).put("unit", "lb");
        return decision;
    }

    private JsonNode post(String path, ObjectNode body, String token) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(options.target() + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429 && attempt < 20) {
                Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
                continue;
            }
            if (response.statusCode() == 422) {
                decisionsRefused.incrementAndGet();
            } else if (response.statusCode() >= 400 && response.statusCode() != 409) {
                throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }
    }

    private String clinician() throws IOException, InterruptedException {
        if (clinicianToken == null) {
            clinicianToken = options.token() != null ? options.token() : devToken("sim-clinician", "clinician");
        }
        return clinicianToken;
    }

    private String devToken(String sub, String role) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("sub", sub);
        body.putArray("roles").add(role);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(options.target() + "/api/v1/dev/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("no token from " + options.target() + " (give one with --token): " + response.body());
        }
        return JSON.readTree(response.body()).path("token").asText();
    }

    /** What a run did. */
    public record Summary(int athletes, long factsSent, long decisionsRefused, int droppedOut, Duration took) {

        @Override
        public String toString() {
            return "simulated %d athletes: %d facts sent, %d decisions refused by the protocol, %d dropped out, in %d s"
                    .formatted(athletes, factsSent, decisionsRefused, droppedOut, took.toSeconds());
        }
    }

    /** The command line. */
    public record Options(int athletes, int weeks, long seed, String target, String token, LocalDate start,
                          int parallelism) {

        static final String USAGE = "usage: simulate [--athletes 200] [--weeks 16] [--seed 7] "
                + "[--target http://localhost:8080] [--token JWT] [--start 2026-01-05] [--parallelism 8]";

        public static Options parse(String... args) {
            int athletes = 200;
            int weeks = 16;
            long seed = 7;
            String target = "http://localhost:8080";
            String token = null;
            LocalDate start = LocalDate.parse("2026-01-05");
            int parallelism = 8;
            int i = args.length > 0 && args[0].equals("simulate") ? 1 : 0;
            for (; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("no value for " + args[i]);
                }
                String value = args[i + 1];
                try {
                    switch (args[i]) {
                        case "--athletes" -> athletes = Integer.parseInt(value);
                        case "--weeks" -> weeks = Integer.parseInt(value);
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--target" -> target = value.replaceAll("/+$", "");
                        case "--token" -> token = value;
                        case "--start" -> start = LocalDate.parse(value);
                        case "--parallelism" -> parallelism = Integer.parseInt(value);
                        default -> throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                } catch (NumberFormatException | java.time.DateTimeException e) {
                    throw new IllegalArgumentException("bad value for " + args[i] + ": " + value);
                }
            }
            if (athletes < 1 || weeks < 1 || weeks > 104 || parallelism < 1) {
                throw new IllegalArgumentException("athletes and parallelism must be positive, weeks 1 to 104");
            }
            return new Options(athletes, weeks, seed, target, token, start, parallelism);
        }
    }
}
