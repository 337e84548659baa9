package app.stamina.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The benchmark harness. Starts {@code stamina-standalone.jar} on a fresh data directory, fills it with a study
 * through the public API, measures each figure of issue 8 against its target, measures the stores underneath
 * straight for ratios, prints a table and writes the figures as JSON.
 *
 * <pre>java -jar benchmarks/target/stamina-benchmarks.jar [--athletes 10000] [--seconds 30] [--clients 16]
 *     [--post-clients 32] [--jar standalone/target/stamina-standalone.jar] [--out benchmarks/results.json]
 *     [--heap 512m] [--java-options ""] [--profile true] [--warm-up 10] [--keep-data false]</pre>
 * The standalone's JVM runs with the options its jar's manifest names, then those of {@code --java-options}. With
 * {@code --profile true} it runs under Java Flight Recorder; the recording is written beside its data directory
 * when it stops.
 */
public final class Benchmarks {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, String> options;
    private List<String> standaloneCommand = List.of();
    private final List<Figure> figures = new ArrayList<>();
    /** Events per second of each stage during the offline sync: appended, relayed, projected (query side). */
    private final Map<String, Double> pipeline = new LinkedHashMap<>();
    private StandaloneUnderTest system;

    /** One measured figure, with its target and, where there is one, the bare store's figure it compares to. */
    record Figure(String what, double value, String unit, String target, Boolean met, Double bare, String bareWhat) {

        String ratio() {
            return bare == null || bare == 0 ? "" : "%.0f %% of %s".formatted(100 * value / bare, bareWhat);
        }
    }

    private Benchmarks(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Map<String, String> options = new LinkedHashMap<>(Map.of("athletes", "10000", "seconds", "30", "clients", "16",
                "post-clients", "32", "jar", "standalone/target/stamina-standalone.jar", "out", "benchmarks/results.json",
                "heap", "512m", "profile", "false", "warm-up", "10", "keep-data", "false"));
        options.put("java-options", "");
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            String problem = !options.containsKey(name) ? "unknown option " + args[i]
                    : i + 1 == args.length ? "option " + args[i] + " needs a value" : null;
            if (problem != null) {
                System.err.println(problem + "; options, with their defaults: " + options);
                System.exit(2);
            }
            options.put(name, args[i + 1]);
        }
        new Benchmarks(options).run();
    }

    private int option(String name) {
        return Integer.parseInt(options.get(name));
    }

    private Duration seconds() {
        return Duration.ofSeconds(option("seconds"));
    }

    /**
     * How long each timed phase runs before it is measured. On a fresh process the JIT takes about a minute of load
     * before a request path settles; here the phases follow the offline sync, which has compiled most of the paths
     * already (30 s against 5 s changed no figure beyond run-to-run noise on 2026-12-01), so 10 s by default.
     */
    private Duration warmUp() {
        return Duration.ofSeconds(option("warm-up"));
    }

    /** What {@code --java-options} holds, split at white space: more options for the standalone's JVM. */
    private List<String> javaOptions() {
        return StandaloneUnderTest.optionsIn(options.get("java-options"));
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("stamina-bench");
        Path dataDir = work.resolve("data");
        log("starting %s on %s", options.get("jar"), dataDir);
        Path recording = Boolean.parseBoolean(options.get("profile")) ? work.resolve("standalone.jfr") : null;
        system = StandaloneUnderTest.start(Path.of(options.get("jar")), dataDir, options.get("heap"),
                javaOptions(), recording);
        standaloneCommand = system.command();
        log("the standalone runs as: %s", String.join(" ", standaloneCommand));
        try {
            figures.add(new Figure("standalone cold start to healthy", system.coldStart().toMillis() / 1000.0, "s",
                    "<= 20 s", system.coldStart().toSeconds() < 20, null, null));
            Thread.sleep(5000);
            double idle = system.residentMib();
            figures.add(new Figure("idle resident memory", idle, "MiB", "<= 1536 MiB", idle <= 1536, null, null));

            double syncRate = offlineSync();
            attempt("single-fact POSTs", this::singleFactPosts);
            attempt("projection lag at 70 %", () -> lagAtSeventyPercent(syncRate * 0.7));
            attempt("progress reads", this::progressReads);
            attempt("cohort trends", this::cohortTrends);
            attempt("athlete-weeks export", this::athleteWeeksExport);
            attempt("long history", this::longHistory);
            attempt("rebuild", this::rebuild);
            attempt("bare stores", this::bareStores);
        } finally {
            system.close();
            if (!Boolean.parseBoolean(options.get("keep-data"))) {
                deleteTree(dataDir);
            }
        }
        print();
        Path out = Path.of(options.get("out"));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("java", System.getProperty("java.version"));
        report.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        report.put("options", options);
        report.put("standalone-command", standaloneCommand);
        report.put("figures", figures);
        JSON.writeValue(out.toFile(), report);
        log("figures written to %s; the standalone's log is in %s", out.toAbsolutePath(), work.resolve("standalone.log"));
    }

    /** A run leaves gigabytes of events and read models behind; only the log (and recording) stay, unless asked. */
    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        log("data directory %s removed (--keep-data true keeps it)", directory);
    }

    @FunctionalInterface
    private interface Phase {
        void run() throws Exception;
    }

    /** Runs a phase; one that fails is a figure of its own in the table, and the next phases still run. */
    private void attempt(String name, Phase phase) {
        try {
            phase.run();
        } catch (Exception e) {
            log("%s failed: %s", name, e.getMessage());
            figures.add(new Figure(name + " FAILED: " + e.getMessage(), Double.NaN, "", "", false, null, null));
        }
    }

    /**
     * Fills the study: every athlete enrolls and syncs 26 weeks of holds in one request, from 16 clients. The first
     * {@code warm-up} seconds of it are not counted (the JIT compiles the request path in them, and the figure is of a
     * sustained sync); from then on, facts answered over the time until the read sides have projected everything.
     */
    private double offlineSync() throws Exception {
        int athletes = option("athletes");
        log("offline sync: %d athletes x %d holds in one sync each, %d clients, the first %s not counted", athletes,
                4 * Requests.COHORT_WEEKS, option("clients"), warmUp());
        AtomicInteger next = new AtomicInteger();
        AtomicLong facts = new AtomicLong();
        Latencies syncLatency = new Latencies();
        Stage begin = stage(0);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < option("clients"); c++) {
            clients.add(Thread.ofVirtual().start(() -> {
                for (int i = next.getAndIncrement(); i < athletes; i = next.getAndIncrement()) {
                    Random random = new Random(i);
                    try {
                        system.post("/api/v1/athletes/bench-" + i + "/enrollment", Requests.enrollment(random));
                        long sent = System.nanoTime();
                        system.post("/api/v1/athletes/bench-" + i + "/sync", Requests.cohortSync(random, Requests.COHORT_WEEKS));
                        syncLatency.add(System.nanoTime() - sent);
                        facts.addAndGet(1 + 4L * Requests.COHORT_WEEKS);
                        if ((i + 1) % 1000 == 0) {
                            log("  %d athletes synced", i + 1);
                        }
                    } catch (Exception e) {
                        System.err.println("  athlete " + i + ": " + e.getMessage());
                    }
                }
            }));
        }
        Thread.sleep(warmUp());
        Stage counted = next.get() < athletes ? stage(facts.get()) : begin;
        if (counted == begin) {
            log("  the study was filled within the warm-up: counted from the start");
        }
        for (Thread client : clients) {
            client.join();
        }
        Duration written = Duration.ofNanos(System.nanoTime() - counted.nanos());
        Duration catchUp = system.awaitProjected(Duration.ofMinutes(30));
        double seconds = (written.toNanos() + catchUp.toNanos()) / 1e9;
        Stage end = stage(facts.get());
        long countedFacts = end.facts() - counted.facts();
        double rate = countedFacts / seconds;
        double events = end.appended() - counted.appended();
        pipeline.put("appended", events / (written.toNanos() / 1e9));
        pipeline.put("relayed", (end.relayed() - counted.relayed()) / seconds);
        pipeline.put("projected", (end.projected() - counted.projected()) / seconds);
        figures.add(new Figure("offline sync, batches of 104, all projected", rate, "facts/s", ">= 5000", rate >= 5000,
                null, null));
        figures.add(new Figure("  of which: answered", countedFacts / (written.toNanos() / 1e9), "facts/s", "", null,
                null, null));
        figures.add(new Figure("  events appended (facts and what they caused)", events / (written.toNanos() / 1e9),
                "events/s", "", null, null, null));
        figures.add(new Figure("  sync p99", syncLatency.percentileMillis(99), "ms", "", null, null, null));
        figures.add(new Figure("  catch-up after the last answer", catchUp.toMillis() / 1000.0, "s", "", null, null, null));
        figures.add(new Figure("  facts counted (after the warm-up)", countedFacts, "facts", "", null, null, null));
        return rate;
    }

    /** Where the offline sync stood at one moment: facts answered, and events appended, relayed and projected. */
    private record Stage(long nanos, long facts, double appended, double relayed, double projected) {
    }

    private Stage stage(long facts) throws IOException, InterruptedException {
        return new Stage(System.nanoTime(), facts, system.metric("stamina_events_appended_total", ""),
                system.metric("stamina_events_relayed_total", ""),
                system.metric("stamina_events_projected_total", "consumer=\"stamina-query\""));
    }

    /** Single holds, one request each, from 32 clients on athletes of their own. */
    private void singleFactPosts() throws Exception {
        int clients = option("post-clients");
        log("single-fact POSTs: %d clients, %s", clients, seconds());
        for (int c = 0; c < clients; c++) {
            system.post("/api/v1/athletes/post-" + c + "/enrollment", Requests.enrollment(new Random(c)));
        }
        LocalDate day = Requests.enrollDay().plusDays(1);
        Clients.Run run = Clients.run(clients, warmUp(), seconds(), (client, iteration) -> {
            String at = day.plusDays(iteration / 1000) + "T%02d:%02d:%02dZ".formatted(6 + (iteration % 1000) / 60 / 60,
                    (iteration % 1000) / 60 % 60, iteration % 60);
            system.post("/api/v1/athletes/post-" + client + "/holds", Requests.hold(at, 45, false));
            return 1;
        });
        double p99 = run.latencies().percentileMillis(99);
        figures.add(new Figure("single-fact POSTs, 32 clients", run.perSecond(), "facts/s", ">= 1500",
                run.perSecond() >= 1500, null, null));
        figures.add(new Figure("  p99", p99, "ms", "<= 50 ms", p99 <= 50, null, null));
        figures.add(new Figure("  p50", run.latencies().percentileMillis(50), "ms", "", null, null, null));
    }

    /** Syncs paced at 70 % of the sustained maximum; the projection lag sampled four times a second. */
    private void lagAtSeventyPercent(double factsPerSecond) throws Exception {
        log("projection lag at %.0f facts/s (70 %% of the sustained maximum), %s", factsPerSecond, seconds());
        int clients = option("clients");
        int perSync = 4 * Requests.COHORT_WEEKS;
        long pauseNanos = (long) (1e9 * perSync * clients / factsPerSecond);
        AtomicInteger next = new AtomicInteger(option("athletes"));
        AtomicBoolean sampling = new AtomicBoolean(true);
        Latencies lag = new Latencies();
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (sampling.get()) {
                try {
                    double seconds = Math.max(system.metric("stamina_projection_lag_seconds", "consumer=\"stamina-query\""),
                            system.metric("stamina_projection_lag_seconds", "consumer=\"stamina-analytics\""));
                    lag.add((long) (seconds * 1e9));
                    Thread.sleep(250);
                } catch (Exception e) {
                    return;
                }
            }
        });
        Clients.Run run = Clients.run(clients, warmUp(), seconds(), (client, iteration) -> {
            long started = System.nanoTime();
            int athlete = next.getAndIncrement();
            Random random = new Random(athlete);
            system.post("/api/v1/athletes/bench-" + athlete + "/enrollment", Requests.enrollment(random));
            system.post("/api/v1/athletes/bench-" + athlete + "/sync", Requests.cohortSync(random, Requests.COHORT_WEEKS));
            long rest = pauseNanos - (System.nanoTime() - started);
            if (rest > 0) {
                Thread.sleep(Duration.ofNanos(rest));
            }
            return perSync;
        });
        sampling.set(false);
        sampler.join();
        double p99 = lag.percentileMillis(99) / 1000;
        figures.add(new Figure("projection lag at 70 % load (" + Math.round(run.perSecond()) + " facts/s), p99", p99, "s",
                "<= 1 s", p99 <= 1, null, null));
        system.awaitProjected(Duration.ofMinutes(10));
    }

    /** {@code GET /progress} of random athletes of the study, 32 clients. */
    private void progressReads() throws Exception {
        int athletes = option("athletes");
        log("progress reads over %d athletes, %d clients, %s", athletes, option("post-clients"), seconds());
        Clients.Run run = Clients.run(option("post-clients"), warmUp(), seconds(), (client, iteration) -> {
            system.get("/api/v1/athletes/bench-" + ThreadLocalRandom.current().nextInt(athletes) + "/progress");
            return 1;
        });
        double p99 = run.latencies().percentileMillis(99);
        figures.add(new Figure("GET /progress over " + athletes + " athletes", run.perSecond(), "reads/s", ">= 5000",
                run.perSecond() >= 5000, null, null));
        figures.add(new Figure("  p99", p99, "ms", "<= 10 ms", p99 <= 10, null, null));
    }

    /** {@code /cohorts/trends} over the whole study and its 26 weeks, one request at a time. */
    private void cohortTrends() throws Exception {
        log("cohort trends over %d athletes x %d weeks", option("athletes"), Requests.COHORT_WEEKS);
        Latencies latencies = new Latencies();
        String[] groupings = {"condition", "tag:arm", "sex,ageBand", ""};
        for (int i = 0; i < 200; i++) {
            long started = System.nanoTime();
            system.get("/api/v1/cohorts/trends?metric=bestHoldSeconds&weeks=0-25&groupBy=" + groupings[i % groupings.length]);
            if (i >= 20) {
                latencies.add(System.nanoTime() - started);
            }
        }
        double p99 = latencies.percentileMillis(99);
        figures.add(new Figure("/cohorts/trends over " + option("athletes") + " athletes x 26 weeks, p99", p99, "ms",
                "<= 200 ms", p99 <= 200, null, null));
        figures.add(new Figure("  p50", latencies.percentileMillis(50), "ms", "", null, null, null));
    }

    /**
     * The athlete-weeks export read as a stream, one export after another: for {@code --warm-up} seconds not counted
     * (an export's path is not compiled by any phase before), then for {@code --seconds} counted, the server's heap
     * sampled while the counted ones run.
     */
    private void athleteWeeksExport() throws Exception {
        log("athlete-weeks export, one after another, the first %s not counted, then %s", warmUp(), seconds());
        long warmUpEnd = System.nanoTime() + warmUp().toNanos();
        while (System.nanoTime() < warmUpEnd) {
            exportRows();
        }
        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicLong maxHeap = new AtomicLong();
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (sampling.get()) {
                try {
                    maxHeap.accumulateAndGet((long) system.metric("jvm_memory_used_bytes", "area=\"heap\""), Math::max);
                    Thread.sleep(100);
                } catch (Exception e) {
                    return;
                }
            }
        });
        long started = System.nanoTime();
        long end = started + seconds().toNanos();
        long rows = 0;
        long perExport;
        int exports = 0;
        do {
            perExport = exportRows();
            rows += perExport;
            exports++;
        } while (System.nanoTime() < end);
        double seconds = (System.nanoTime() - started) / 1e9;
        sampling.set(false);
        sampler.join();
        double rate = rows / seconds;
        double heapMib = maxHeap.get() / 1024.0 / 1024.0;
        figures.add(new Figure("/exports/athlete-weeks (" + perExport + " rows, " + exports + " counted)", rate,
                "rows/s", ">= 100000", rate >= 100_000, null, null));
        figures.add(new Figure("  heap of the whole process while exporting, max", heapMib, "MiB", "<= 512 MiB",
                heapMib <= 512, null, null));
    }

    /** One whole export, read as a stream: its rows, without the header. */
    private long exportRows() throws Exception {
        HttpResponse<InputStream> response = system.client().send(HttpRequest.newBuilder(
                        system.uri("/api/v1/exports/athlete-weeks?format=csv"))
                .header("Authorization", "Bearer " + system.adminToken()).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                lines++;
            }
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the export answered " + response.statusCode());
        }
        return lines - 1;
    }

    /** Command latency of an athlete with 20,000 events against a new athlete's, 200 holds each, one at a time. */
    private void longHistory() throws Exception {
        log("an athlete with 20,000 events against a new one");
        system.post("/api/v1/athletes/long-history/enrollment", Requests.enrollment(new Random(1)));
        for (int day = 0; day < 200; day++) {
            system.post("/api/v1/athletes/long-history/sync", Requests.holdsSync(Requests.enrollDay().plusDays(day / 2), 100)
                    .replace("T06:", day % 2 == 0 ? "T06:" : "T12:").replace("T07:", day % 2 == 0 ? "T07:" : "T13:"));
        }
        system.post("/api/v1/athletes/newcomer/enrollment", Requests.enrollment(new Random(2)));
        Latencies old = new Latencies();
        Latencies young = new Latencies();
        LocalDate day = Requests.enrollDay().plusDays(150);
        for (int i = 0; i < 400; i++) {
            String at = day + "T%02d:%02d:00Z".formatted(14 + i / 2 / 60, (i / 2) % 60);
            String athlete = i % 2 == 0 ? "long-history" : "newcomer";
            long started = System.nanoTime();
            system.post("/api/v1/athletes/" + athlete + "/holds", Requests.hold(at, 50, false));
            if (i >= 40) {
                (i % 2 == 0 ? old : young).add(System.nanoTime() - started);
            }
        }
        double ratio = old.percentileMillis(50) / young.percentileMillis(50);
        figures.add(new Figure("command latency, 20,000 events vs new athlete (p50 ratio)", ratio, "x", "<= 2x",
                ratio <= 2, null, null));
        figures.add(new Figure("  p50 long history / new", old.percentileMillis(50), "ms", "", null, null, null));
        figures.add(new Figure("  p50 new athlete", young.percentileMillis(50), "ms", "", null, null, null));
    }

    /** Rebuild of the query side's read models from the topic. */
    private void rebuild() throws Exception {
        system.awaitProjected(Duration.ofMinutes(10));
        log("rebuild of the read models from the topic");
        system.post("/api/v1/admin/read-models/rebuild", "{}");
        JsonNode state;
        do {
            Thread.sleep(500);
            state = system.get("/api/v1/admin/read-models/rebuild");
        } while (!"done".equals(state.path("state").asText()) && !"failed".equals(state.path("state").asText()));
        double seconds = Duration.between(Instant.parse(state.path("startedAt").asText()),
                Instant.parse(state.path("finishedAt").asText())).toMillis() / 1000.0;
        double rate = state.path("totalEvents").asLong() / seconds;
        figures.add(new Figure("rebuild of all read models (" + state.path("totalEvents").asLong() + " events)", rate,
                "events/s", ">= 30000", rate >= 30_000, null, null));
    }

    /** The stores beneath, straight, with the clients and batch sizes of the pipeline figures above. */
    private void bareStores() throws Exception {
        BareStores bare = new BareStores(system.endpoints(), option("clients"), warmUp(), seconds());
        log("bare PostgreSQL: event rows in JDBC batches of 100");
        double postgres = bare.postgresEventInserts().perSecond();
        log("bare Kafka: envelopes produced with acks=all");
        double kafka = bare.kafkaProduce("stamina.events.v1").perSecond();
        log("bare MongoDB: read-model documents upserted in bulks of 100");
        double mongo = bare.mongoUpserts("stamina", "athletes").perSecond();
        figures.add(new Figure("pipeline events appended (offline sync)", pipeline.get("appended"), "events/s", "", null,
                postgres, "bare PostgreSQL inserts"));
        figures.add(new Figure("  bare PostgreSQL: event rows, JDBC batches of 100", postgres, "rows/s", "", null, null, null));
        figures.add(new Figure("pipeline events relayed (offline sync, until projected)", pipeline.get("relayed"),
                "events/s", "", null, kafka, "bare Kafka produce"));
        figures.add(new Figure("  bare Kafka: envelopes, acks=all", kafka, "records/s", "", null, null, null));
        figures.add(new Figure("pipeline events projected, query side (offline sync)", pipeline.get("projected"),
                "events/s", "", null, mongo, "bare MongoDB upserts"));
        figures.add(new Figure("  bare MongoDB: documents upserted, bulks of 100", mongo, "docs/s", "", null, null, null));
    }

    private void print() {
        System.out.printf("%n%-62s %12s %-9s %-12s %-5s %s%n", "figure", "value", "unit", "target", "met", "ratio");
        for (Figure figure : figures) {
            System.out.printf("%-62s %12.1f %-9s %-12s %-5s %s%n", figure.what(), figure.value(), figure.unit(),
                    figure.target(), figure.met() == null ? "" : figure.met() ? "yes" : "NO", figure.ratio());
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[%s] %s%n", Instant.now().toString().substring(11, 19), format.formatted(args));
    }
}
