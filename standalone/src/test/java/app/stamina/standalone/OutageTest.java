package app.stamina.standalone;

import app.stamina.standalone.StandaloneHttp.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker and the MongoDB server run as components of their own, started by the test, with a standalone Stamina
 * pointed at them. Each is stopped for 30 s while clients keep writing, then started again on the same data and
 * port: writes keep succeeding throughout, reads say 503 with {@code Retry-After} while MongoDB is away, and the read
 * sides catch up afterwards with every acknowledged write projected once. How long catching up took is printed.
 */
class OutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration CATCH_UP_BOUND = Duration.ofSeconds(60);
    private static final int ATHLETES = 4;

    @TempDir
    Path dataDir;

    @Test
    void writesGoOnThroughOutagesOfTheBrokerAndOfMongoDbAndNothingIsLost() throws Exception {
        PersistentKafka kafka = PersistentKafka.start(dataDir.resolve("broker"));
        int mongoPort = FreePorts.any();
        PersistentMongo mongo = PersistentMongo.start(dataDir.resolve("mongodb"), mongoPort);
        ConfigurableApplicationContext app = StaminaStandalone.application().run("--server.port=0",
                "--stamina.data-dir=" + dataDir.resolve("stamina"),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--spring.data.mongodb.uri=" + mongo.uri(),
                "--stamina.security.write-rate.enabled=false");
        try {
            StandaloneHttp http = new StandaloneHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            List<String> athletes = new ArrayList<>();
            for (int i = 0; i < ATHLETES; i++) {
                athletes.add("outage-" + i);
                assertThat(http.post("/api/v1/athletes/outage-" + i + "/enrollment", StandaloneHttp.enrollment()).status())
                        .isEqualTo(201);
            }
            AcknowledgedWrites writes = new AcknowledgedWrites();

            AcknowledgedWrites.Writing writing = writes.start(http, athletes);
            Thread.sleep(2000);
            kafka.close();
            int beforeBrokerOutage = writes.count();
            Thread.sleep(OUTAGE.toMillis());
            int duringBrokerOutage = writes.count() - beforeBrokerOutage;
            kafka = PersistentKafka.start(dataDir.resolve("broker"));
            Instant brokerBack = Instant.now();
            writing.stop();
            assertThat(writes.failed()).as("writes refused or unanswered while the broker was away").isZero();
            assertThat(duringBrokerOutage).as("writes acknowledged while the broker was away").isGreaterThan(20);
            Duration relayCaughtUp = awaitNoLag(app, brokerBack);
            System.out.printf("broker outage of %d s: %d writes acknowledged meanwhile; the read sides caught up %.1f s "
                    + "after it came back%n", OUTAGE.toSeconds(), duringBrokerOutage, relayCaughtUp.toMillis() / 1000.0);
            for (String athlete : athletes) {
                writes.assertReadModelsHoldEachWriteOnce(http, athlete);
            }

            writing = writes.start(http, athletes);
            Thread.sleep(2000);
            mongo.close();
            Instant mongoGone = Instant.now();
            int beforeMongoOutage = writes.count();
            int unavailableAnswers = 0;
            while (Duration.between(mongoGone, Instant.now()).compareTo(OUTAGE) < 0) {
                Instant asked = Instant.now();
                Reply timeline = http.get("/api/v1/athletes/" + athletes.getFirst() + "/timeline");
                assertThat(Duration.between(asked, Instant.now())).as("a read while MongoDB is away is answered at once")
                        .isLessThan(Duration.ofSeconds(10));
                assertThat(timeline.status()).as(timeline.toString()).isEqualTo(503);
                assertThat(timeline.json().path("code").asText()).isEqualTo("read-store-unavailable");
                assertThat(timeline.response().headers().firstValue("Retry-After")).isPresent();
                // Progress the query side wrote itself since its partitions last moved is answered from memory.
                asked = Instant.now();
                Reply progress = http.get("/api/v1/athletes/" + athletes.getFirst() + "/progress");
                assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
                assertThat(progress.status()).as(progress.toString()).isIn(200, 503);
                unavailableAnswers++;
                Thread.sleep(1000);
            }
            int duringMongoOutage = writes.count() - beforeMongoOutage;
            mongo = PersistentMongo.start(dataDir.resolve("mongodb"), mongoPort);
            Instant mongoBack = Instant.now();
            writing.stop();
            assertThat(unavailableAnswers).isGreaterThan(5);
            assertThat(writes.failed()).as("writes refused or unanswered while MongoDB was away").isZero();
            assertThat(duringMongoOutage).as("writes acknowledged while MongoDB was away").isGreaterThan(20);
            Duration projectionsCaughtUp = awaitNoLag(app, mongoBack);
            System.out.printf("MongoDB outage of %d s: %d writes acknowledged meanwhile, %d reads answered 503; the read "
                    + "sides caught up %.1f s after it came back%n", OUTAGE.toSeconds(), duringMongoOutage,
                    unavailableAnswers, projectionsCaughtUp.toMillis() / 1000.0);
            for (String athlete : athletes) {
                writes.assertReadModelsHoldEachWriteOnce(http, athlete);
            }
        } finally {
            app.close();
            mongo.close();
            kafka.close();
        }
    }

    /**
     * How long after {@code since} both read sides had projected every stored event and their lag metric was back to
     * zero, within the bound.
     */
    private static Duration awaitNoLag(ConfigurableApplicationContext app, Instant since) throws InterruptedException {
        CaughtUp.await(app, CATCH_UP_BOUND);
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        Instant deadline = since.plus(CATCH_UP_BOUND);
        while (meters.find("stamina.projection.lag.events").gauges().stream().anyMatch(lag -> lag.value() > 0)) {
            assertThat(Instant.now()).as("the lag of the read sides is back to zero").isBefore(deadline);
            Thread.sleep(100);
        }
        return Duration.between(since, Instant.now());
    }
}
