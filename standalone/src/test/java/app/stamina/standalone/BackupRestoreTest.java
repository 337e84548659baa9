package app.stamina.standalone;

import app.stamina.analytics.simulator.Simulator;
import app.stamina.standalone.StandaloneHttp.Reply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup of the event store taken while Stamina runs, restored into a fresh data directory: the restored system
 * relays every event again, rebuilds read models and research facts identical to the original's, and still knows
 * the first answer to every client write.
 */
class BackupRestoreTest {

    private static final int ATHLETES = 24;
    private static final long SEED = 5;
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @TempDir
    Path original;
    @TempDir
    Path backup;
    @TempDir
    Path restoredParent;

    @Test
    void aRestoredBackupRebuildsTheSameReadModelsAndRemembersEveryWrite() throws Exception {
        Map<String, String> before;
        ConfigurableApplicationContext app = start(original);
        try {
            StandaloneHttp http = http(app);
            new Simulator(Simulator.Options.parse("simulate", "--athletes", Integer.toString(ATHLETES), "--weeks", "6",
                    "--seed", Long.toString(SEED), "--target", "http://127.0.0.1:" + port(app)), OUT).run();
            CaughtUp.await(app, Duration.ofMinutes(2));
            new Backup(OUT).backUp(original, backup);
            before = readModels(http);
        } finally {
            app.close();
        }

        Path restored = restoredParent.resolve("data");
        new Backup(OUT).restore(backup, restored);
        ConfigurableApplicationContext again = start(restored);
        try {
            awaitProjected(again, eventsInBackup());
            StandaloneHttp http = http(again);
            Map<String, String> after = readModels(http);
            assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
            after.forEach((path, body) -> assertThat(body).as(path).isEqualTo(before.get(path)));

            // The first answers came along: the simulator sent again records nothing and meets only duplicates.
            Simulator.Summary resent = new Simulator(Simulator.Options.parse("simulate", "--athletes",
                    Integer.toString(ATHLETES), "--weeks", "6", "--seed", Long.toString(SEED),
                    "--target", "http://127.0.0.1:" + port(again)), OUT).run();
            assertThat(resent.factsSent()).isPositive();
            assertThat(again.getBean(MeterRegistry.class).find("stamina.events.appended").counters().stream()
                    .mapToDouble(Counter::count).sum()).as("events appended after the restore").isZero();
        } finally {
            again.close();
        }
    }

    /** What clients and researchers read: every athlete's progress, trend and timeline, cohort figures, the export. */
    private static Map<String, String> readModels(StandaloneHttp http) throws Exception {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < ATHLETES; i++) {
            String athlete = "/api/v1/athletes/sim-" + SEED + "-" + i;
            paths.addAll(List.of(athlete + "/progress", athlete + "/stamina-trend", athlete + "/timeline?limit=1000"));
        }
        paths.addAll(List.of("/api/v1/cohorts", "/api/v1/cohorts/trends?metric=bestHoldSeconds&weeks=0-6",
                "/api/v1/cohorts/trends?metric=sessions&groupBy=tag:study&weeks=0-6",
                "/api/v1/cohorts/milestones?milestone=hold-60s", "/api/v1/exports/athlete-weeks?format=csv"));
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String path : paths) {
            Reply reply = http.get(path);
            assertThat(reply.status()).as(path + ": " + reply).isEqualTo(200);
            bodies.put(path, reply.text());
        }
        return bodies;
    }

    private long eventsInBackup() throws Exception {
        Properties manifest = new Properties();
        try (InputStream in = Files.newInputStream(backup.resolve("backup.properties"))) {
            manifest.load(in);
        }
        return Long.parseLong(manifest.getProperty("domainevententry.rows"));
    }

    /** Until both read sides of a restored system have projected the events it relayed from the restored store. */
    private static void awaitProjected(ConfigurableApplicationContext app, long events) throws InterruptedException {
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (projected(meters, "stamina-query") < events || projected(meters, "stamina-analytics") < events) {
            assertThat(Instant.now()).as("both read sides projected %d events", events).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static double projected(MeterRegistry meters, String consumer) {
        return meters.find("stamina.events.projected").tag("consumer", consumer).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return StaminaStandalone.application().run("--server.port=0", "--stamina.data-dir=" + dataDir);
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static StandaloneHttp http(ConfigurableApplicationContext app) {
        return new StandaloneHttp(port(app));
    }
}
