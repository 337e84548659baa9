package app.stamina.analytics.cohorts;

import app.stamina.analytics.facts.AthleteFacts;
import app.stamina.analytics.facts.AthleteFactsStore;
import app.stamina.analytics.facts.FactsListener;
import app.stamina.analytics.facts.FactsProjector;
import app.stamina.api.AthleteId;
import app.stamina.api.Condition;
import app.stamina.api.Placement;
import app.stamina.api.Sex;
import app.stamina.api.StaminaJson;
import app.stamina.api.Surgery;
import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.event.AthleteEnrolled;
import app.stamina.api.event.HoldCompleted;
import app.stamina.api.event.RehabEvent;
import app.stamina.readmodel.DecodedBatch;
import app.stamina.readmodel.MongoJson;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Instances that consume other partitions learn each other's writes by reading the research documents in MongoDB;
 * what an instance wrote itself it learnt at once, and does not read back.
 */
class CohortIndexRefreshTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    @Test
    void anInstanceReadsWhatAnotherWroteAndNotWhatItWroteItself() {
        onMongoDb(CohortIndexRefreshTest::followEachOther);
    }

    /**
     * A batch that fails after its writes (here a listener before the index) is retried, finds the documents
     * already written and reports nothing: the next refresh reads them back, once.
     */
    @Test
    void writesOfABatchThatFailedAfterThemAreReadBackByTheNextRefresh() {
        onMongoDb(database -> {
            AthleteFactsStore store = new AthleteFactsStore(database, new MongoJson(StaminaJson.mapper()),
                    Clock.systemUTC());
            CohortIndex index = new CohortIndex(store, Clock.systemUTC(), INTERVAL);
            index.refresh();
            AtomicBoolean down = new AtomicBoolean(true);
            FactsListener failingOnce = athletes -> {
                if (down.getAndSet(false)) {
                    throw new IllegalStateException("listener down");
                }
            };
            FactsProjector projector = new FactsProjector(store, StaminaJson.mapper(), new SimpleMeterRegistry(),
                    Clock.systemUTC(), List.of(failingOnce, index), null, null);
            Map<String, List<DecodedBatch.Decoded>> batch = enrolledWithAHold("cy");

            assertThatThrownBy(() -> projector.apply(batch)).hasMessage("listener down");
            projector.apply(batch);
            assertThat(index.roster().athletes()).as("the retry changed nothing").isEmpty();

            index.refresh();
            assertThat(index.roster().athletes()).containsOnlyKeys("cy");
            assertThat(touchedElsewhere(store)).as("read back once").isEmpty();
        });
    }

    private static void onMongoDb(Consumer<MongoDatabase> test) {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            test.accept(client.getDatabase("analytics"));
        } finally {
            server.shutdown();
        }
    }

    private static void followEachOther(MongoDatabase database) {
        MongoJson mongoJson = new MongoJson(StaminaJson.mapper());
        AthleteFactsStore here = new AthleteFactsStore(database, mongoJson, Clock.systemUTC());
        AthleteFactsStore there = new AthleteFactsStore(database, mongoJson, Clock.systemUTC());
        CohortIndex index = new CohortIndex(here, Clock.systemUTC(), INTERVAL);
        index.refresh();

        index.written(here.applyAll(enrolledWithAHold("ada"), AthleteFacts::of));
        there.applyAll(enrolledWithAHold("bo"), AthleteFacts::of);

        assertThat(touchedElsewhere(here)).containsExactly("bo");
        assertThat(touchedElsewhere(there)).containsExactly("ada");
        assertThat(index.roster().athletes()).containsOnlyKeys("ada");
        index.refresh();
        assertThat(index.roster().athletes()).containsOnlyKeys("ada", "bo");

        // Documents stored before writers were recorded, and those of this instance before a restart, are read.
        database.getCollection("athleteFacts").updateOne(Filters.eq("_id", "bo"), Updates.unset("touchedBy"));
        assertThat(touchedElsewhere(here)).containsExactly("bo");
        AthleteFactsStore restarted = new AthleteFactsStore(database, mongoJson, Clock.systemUTC());
        CohortIndex afterRestart = new CohortIndex(restarted, Clock.systemUTC(), INTERVAL);
        afterRestart.refresh();
        assertThat(afterRestart.roster().athletes()).containsOnlyKeys("ada", "bo");
    }

    private static List<String> touchedElsewhere(AthleteFactsStore store) {
        List<String> ids = new ArrayList<>();
        store.forEachTouchedElsewhereSince(Long.MIN_VALUE, facts -> ids.add(facts.id()));
        return ids;
    }

    private static Map<String, List<DecodedBatch.Decoded>> enrolledWithAHold(String athlete) {
        AthleteId id = AthleteId.of(athlete);
        OffsetDateTime enrolled = OffsetDateTime.parse("2026-11-02T09:00:00+01:00");
        List<RehabEvent> events = List.of(
                new AthleteEnrolled(UUID.randomUUID(), id, enrolled, 1990, Sex.MALE, Condition.FUSION, Surgery.FUSION,
                        LocalDate.parse("2026-03-01"), ZoneId.of("Europe/Amsterdam"), List.of(), List.of()),
                new HoldCompleted(UUID.randomUUID(), id, enrolled.plusDays(1), 60, null, Placement.NONE, true, 1, true,
                        List.of()));
        List<DecodedBatch.Decoded> decoded = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID().toString(), events.get(i), i + 1,
                    Instant.parse("2026-11-20T10:00:00Z"), null, StaminaJson.mapper());
            decoded.add(new DecodedBatch.Decoded(envelope, events.get(i)));
        }
        return Map.of(athlete, decoded);
    }
}
