package app.stamina.query.projection;

import app.stamina.api.AthleteId;
import app.stamina.api.Condition;
import app.stamina.api.Load;
import app.stamina.api.LoadUnit;
import app.stamina.api.Placement;
import app.stamina.api.Sex;
import app.stamina.api.StaminaJson;
import app.stamina.api.Surgery;
import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.envelope.Topics;
import app.stamina.api.event.AthleteEnrolled;
import app.stamina.api.event.HoldCompleted;
import app.stamina.api.event.RehabEvent;
import app.stamina.edge.Problems;
import app.stamina.query.athlete.AthleteView;
import app.stamina.query.athlete.AthleteViews;
import app.stamina.query.athlete.AthleteViewsAccess;
import app.stamina.query.timeline.Timeline;
import app.stamina.query.timeline.TimelineEntry;
import app.stamina.readmodel.DeadLetters;
import app.stamina.readmodel.DecodedBatch;
import app.stamina.readmodel.MongoJson;
import app.stamina.readmodel.ProjectionMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The projector's writes, against a real MongoDB-protocol server through the real driver. */
class EventProjectorTest {

    private static final ObjectMapper JSON = Problems.withProblemDetails(StaminaJson.mapper());
    /** Bytes of stored documents to keep in memory: room for all that a test writes. */
    private static final long ROOM = 1 << 20;
    private static MongoServer server;
    private static MongoClient client;

    private MongoDatabase database;
    private AthleteViews athletes;
    private Timeline timeline;
    private EventProjector projector;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdown();
    }

    @BeforeEach
    void setUp() {
        database = client.getDatabase("stamina-" + UUID.randomUUID());
        MongoJson mongoJson = new MongoJson(JSON);
        athletes = new AthleteViews(database, mongoJson, ROOM);
        timeline = new Timeline(database, mongoJson);
        projector = new EventProjector(athletes, timeline, new VersionWatch(), JSON, new SimpleMeterRegistry(),
                Clock.systemUTC(),
                new DeadLetters(new MockProducer<>(true, null, new StringSerializer(), new StringSerializer())), null);
    }

    @Test
    void aBatchDeliveredTwiceLeavesTheSameDocuments() {
        List<EventEnvelope> stream = stream("ada", 5);
        projector.apply(batch(stream));
        List<Long> timelineAfterFirst = versions(timeline.page("ada", 0, 1000));
        AthleteView first = athletes.find("ada").orElseThrow();

        projector.apply(batch(stream));
        projector.apply(batch(stream.subList(2, 5)));

        AthleteView again = athletes.find("ada").orElseThrow();
        assertThat(again.version()).isEqualTo(6);
        assertThat(AthleteViewsAccess.trend(again)).isEqualTo(AthleteViewsAccess.trend(first));
        assertThat(AthleteViewsAccess.progress(again, "2026-11-20"))
                .isEqualTo(AthleteViewsAccess.progress(first, "2026-11-20"));
        assertThat(versions(timeline.page("ada", 0, 1000))).isEqualTo(timelineAfterFirst).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void anEventPublishedTwiceInOneBatchIsInTheTimelineOnce() {
        List<EventEnvelope> stream = stream("hal", 3);
        List<EventEnvelope> twice = new ArrayList<>(stream);
        twice.addAll(stream.subList(1, 4));
        projector.apply(batch(twice));
        assertThat(versions(timeline.page("hal", 0, 1000))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(athletes.find("hal").orElseThrow().version()).isEqualTo(4);
    }

    @Test
    void aWriterThatLostARaceToANewerVersionChangesNothing() {
        List<EventEnvelope> stream = stream("bea", 5);
        projector.apply(batch(stream));
        new AthleteViews(database, new MongoJson(JSON), ROOM).applyAll(batch(stream.subList(0, 3)), AthleteView::of);
        assertThat(athletes.find("bea").orElseThrow().version()).isEqualTo(6);
    }

    @Test
    void aWriterThatReadBeforeAnotherWroteAppliesItsEventsToWhatTheOtherWrote() {
        List<EventEnvelope> stream = stream("fay", 5);
        MongoJson mongoJson = new MongoJson(JSON);
        AthleteViews racing = new AthleteViews(database, mongoJson, ROOM) {
            private boolean raced;

            @Override
            protected void beforeWrite(AthleteView view) {
                if (!raced) {
                    raced = true;
                    new AthleteViews(database, mongoJson, ROOM).applyAll(batch(stream.subList(0, 3)), AthleteView::of);
                }
            }
        };
        racing.applyAll(batch(stream), AthleteView::of);
        AthleteView stored = athletes.find("fay").orElseThrow();
        assertThat(stored.version()).isEqualTo(6);
        AthleteView atOnce = AthleteView.of("fay");
        stream.forEach(envelope -> atOnce.apply(envelope, read(envelope)));
        assertThat(AthleteViewsAccess.trend(stored)).isEqualTo(AthleteViewsAccess.trend(atOnce));
    }

    @Test
    void aTimelineLongerThanAPageReadsOnAcrossPages() {
        projector.apply(batch(stream("gus", 129)));
        List<Long> read = new ArrayList<>();
        Long after = 0L;
        while (after != null) {
            Timeline.Page page = timeline.page("gus", after, 7);
            assertThat(page.events()).hasSizeLessThanOrEqualTo(7);
            page.events().forEach(entry -> read.add(entry.version()));
            after = page.next();
        }
        assertThat(read).containsExactlyElementsOf(LongStream.rangeClosed(1, 130).boxed().toList());
        assertThat(versions(timeline.page("gus", 45, 1000))).hasSize(85).startsWith(46L).endsWith(130L);
        assertThat(database.getCollection("timelinePages").countDocuments()).as("pages of 50").isEqualTo(3);
    }

    @Test
    void theTimelineIsPagedInVersionOrder() {
        projector.apply(batch(stream("cai", 4)));
        Timeline.Page first = timeline.page("cai", 0, 2);
        assertThat(first.events()).extracting(e -> e.version()).containsExactly(1L, 2L);
        assertThat(first.next()).isEqualTo(2L);
        Timeline.Page last = timeline.page("cai", first.next(), 10);
        assertThat(last.events()).extracting(e -> e.version()).containsExactly(3L, 4L, 5L);
        assertThat(last.next()).isNull();
        assertThat(last.events().getFirst().type()).isEqualTo("HoldCompleted");
    }

    /**
     * From the topic, a timeline entry's {@code data} is the payload as published, numbers by value: whole loads,
     * loads with trailing zeros, fractions of a pound.
     */
    @Test
    void theTimelineKeepsEachPayloadAsItWasPublished() throws Exception {
        List<EventEnvelope> stream = new ArrayList<>(stream("ned", 0));
        AthleteId ned = AthleteId.of("ned");
        List<Load> loads = List.of(Load.kg("20"), Load.kg("12.50"), Load.of("17.125", LoadUnit.LB), Load.kg("100"));
        for (int i = 0; i < loads.size(); i++) {
            OffsetDateTime at = OffsetDateTime.parse("2026-11-03T18:00:00+01:00").plusDays(i);
            HoldCompleted hold = new HoldCompleted(UUID.randomUUID(), ned, at, 60, loads.get(i), Placement.LEFT,
                    true, 2, true, List.of());
            stream.add(EventEnvelope.of(UUID.randomUUID().toString(), hold, i + 2,
                    Instant.parse("2026-11-20T10:00:00Z"), null, JSON));
        }
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (EventEnvelope envelope : stream) {
            String text = JSON.writeValueAsString(envelope);
            records.add(new ConsumerRecord<>(Topics.EVENTS, 0, records.size(), "ned", text));
        }
        projector.apply(DecodedBatch.of(records, JSON, new ProjectionMetrics("test", new SimpleMeterRegistry(),
                Clock.systemUTC(), null), null).byAthlete());

        List<TimelineEntry> entries = timeline.page("ned", 0, 10).events();
        assertThat(entries).hasSize(5);
        Comparator<JsonNode> byValue = (a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
        for (int i = 0; i < entries.size(); i++) {
            JsonNode published = JSON.readTree(JSON.writeValueAsString(stream.get(i).payload()));
            assertThat(entries.get(i).data().equals(byValue, published)).as("%s against %s", entries.get(i).data(),
                    published).isTrue();
        }
        assertThat(entries.get(2).data().path("load").path("value").decimalValue()).isEqualByComparingTo("12.5");
    }

    @Test
    void athletesInOneBatchAreKeptApart() {
        List<EventEnvelope> mixed = new ArrayList<>();
        List<EventEnvelope> ada = stream("dee", 2);
        List<EventEnvelope> bob = stream("eli", 3);
        for (int i = 0; i < 4; i++) {
            mixed.add(bob.get(i));
            if (i < 3) {
                mixed.add(ada.get(i));
            }
        }
        projector.apply(batch(mixed));
        assertThat(athletes.find("dee").orElseThrow().version()).isEqualTo(3);
        assertThat(athletes.find("eli").orElseThrow().version()).isEqualTo(4);
        assertThat(AthleteViewsAccess.trend(athletes.find("eli").orElseThrow()).weeks().getFirst().sessions()).isEqualTo(3);
        assertThat(LocalDate.parse("2026-11-02")).isEqualTo(
                AthleteViewsAccess.trend(athletes.find("dee").orElseThrow()).weeks().getFirst().weekStart());
    }

    /**
     * Reads are answered from what this instance wrote last, and from MongoDB once partitions move: the other
     * instance that takes them over writes documents this one has not seen.
     */
    @Test
    void readsTakeWhatThisInstanceWroteUntilPartitionsMove() {
        List<EventEnvelope> stream = stream("gus", 6);
        projector.apply(batch(stream.subList(0, 4)));
        assertThat(athletes.findNewest("gus").orElseThrow().version()).isEqualTo(4);

        // The partition moves to another instance, which projects the rest.
        new ForgetWrittenOnRebalance(athletes).onPartitionsRevoked(List.of());
        new AthleteViews(database, new MongoJson(JSON), ROOM).applyAll(batch(stream), AthleteView::of);
        assertThat(athletes.findNewest("gus").orElseThrow().version()).as("read from MongoDB").isEqualTo(7);

        // It comes back, and this instance writes again what it reads.
        new ForgetWrittenOnRebalance(athletes).onPartitionsAssigned(List.of());
        List<EventEnvelope> more = stream("gus", 8);
        projector.apply(batch(more.subList(7, 9)));
        AthleteView newest = athletes.findNewest("gus").orElseThrow();
        assertThat(newest.version()).isEqualTo(9);
        assertThat(AthleteViewsAccess.trend(newest)).isEqualTo(AthleteViewsAccess.trend(athletes.find("gus").orElseThrow()));
    }

    /**
     * An athlete this instance wrote but let go to make room for others is kept again when it is read, once it is
     * used more than the one it would make room for, so the athletes read most stay in memory, not only those
     * written last. Once partitions move, it is not.
     */
    @Test
    void anAthleteWrittenHereButLetGoIsKeptAgainWhenReadUntilPartitionsMove() {
        List<EventEnvelope> ann = stream("ann", 7);
        List<EventEnvelope> bob = stream("bob", 3);
        MongoDatabase sizes = client.getDatabase("sizes-" + UUID.randomUUID());
        AthleteViews sizing = new AthleteViews(sizes, new MongoJson(JSON), ROOM);
        sizing.applyAll(batch(ann.subList(0, 3)), AthleteView::of);
        sizing.applyAll(batch(bob), AthleteView::of);
        long annFirst = storedSize(sizes, "ann");
        long bobLast = storedSize(sizes, "bob");
        sizing.applyAll(batch(ann.subList(0, 5)), AthleteView::of);
        long roomForOne = Math.max(Math.max(annFirst, bobLast), storedSize(sizes, "ann"));
        assertThat(annFirst + bobLast).as("no room for two").isGreaterThan(roomForOne);

        AthleteViews oneKept = new AthleteViews(database, new MongoJson(JSON), roomForOne);
        AthleteViews elsewhere = new AthleteViews(database, new MongoJson(JSON), ROOM);
        oneKept.applyAll(batch(ann.subList(0, 3)), AthleteView::of);
        for (int upTo = 2; upTo <= bob.size(); upTo++) {
            oneKept.applyAll(batch(bob.subList(0, upTo)), AthleteView::of);
        }
        assertThat(AthleteViewsAccess.keeps(oneKept, "ann")).as("let go for bob, written more often").isFalse();

        // MongoDB changes underneath, only so that the test can tell what is read from memory.
        elsewhere.applyAll(batch(ann.subList(0, 5)), AthleteView::of);
        int reads = 0;
        do {
            assertThat(oneKept.findNewest("ann").orElseThrow().version()).as("read from MongoDB").isEqualTo(5);
            reads++;
        } while (!AthleteViewsAccess.keeps(oneKept, "ann") && reads < 5);
        assertThat(AthleteViewsAccess.keeps(oneKept, "ann")).as("kept again once used more than bob").isTrue();
        elsewhere.applyAll(batch(ann.subList(0, 6)), AthleteView::of);
        assertThat(oneKept.findNewest("ann").orElseThrow().version()).as("read from memory").isEqualTo(5);

        new ForgetWrittenOnRebalance(oneKept).onPartitionsAssigned(List.of());
        assertThat(oneKept.findNewest("ann").orElseThrow().version()).isEqualTo(6);
        elsewhere.applyAll(batch(ann), AthleteView::of);
        assertThat(oneKept.findNewest("ann").orElseThrow().version()).as("read from MongoDB again").isEqualTo(8);
    }

    private static long storedSize(MongoDatabase database, String athleteId) {
        return database.getCollection("athletes", RawBsonDocument.class).find(Filters.eq("_id", athleteId)).first()
                .getByteBuffer().remaining();
    }

    @Test
    void anAthleteOnlyAnotherInstanceWritesIsReadFromMongoDbEachTime() {
        AthleteViews elsewhere = new AthleteViews(database, new MongoJson(JSON), ROOM);
        List<EventEnvelope> cy = stream("cy", 4);
        elsewhere.applyAll(batch(cy.subList(0, 3)), AthleteView::of);
        assertThat(athletes.findNewest("cy").orElseThrow().version()).isEqualTo(3);

        elsewhere.applyAll(batch(cy), AthleteView::of);

        assertThat(athletes.findNewest("cy").orElseThrow().version()).isEqualTo(5);
        assertThat(AthleteViewsAccess.keeps(athletes, "cy")).isFalse();
    }

    /**
     * The projector applies the next events to what it wrote last, without reading it back; if another writer got
     * there first (a partition that moved and came back within one batch), the write loses, and the events are
     * applied again to what MongoDB holds.
     */
    @Test
    @Timeout(30)
    void aWriteOverWhatThisInstanceKeptLosesToAnotherWriterAndIsAppliedToWhatItWrote() {
        List<EventEnvelope> stream = stream("kit", 8);
        projector.apply(batch(stream.subList(0, 4)));
        new AthleteViews(database, new MongoJson(JSON), ROOM).applyAll(batch(stream.subList(0, 7)), AthleteView::of);

        projector.apply(batch(stream.subList(7, 9)));

        AthleteView stored = athletes.find("kit").orElseThrow();
        assertThat(stored.version()).isEqualTo(9);
        AthleteView atOnce = AthleteView.of("kit");
        stream.forEach(envelope -> atOnce.apply(envelope, read(envelope)));
        assertThat(AthleteViewsAccess.trend(stored)).isEqualTo(AthleteViewsAccess.trend(atOnce));
        assertThat(AthleteViewsAccess.trend(athletes.findNewest("kit").orElseThrow()))
                .isEqualTo(AthleteViewsAccess.trend(atOnce));
    }

    @Test
    void aViewOnceReadIsNotChangedByLaterWrites() {
        List<EventEnvelope> stream = stream("lou", 6);
        projector.apply(batch(stream.subList(0, 4)));
        AthleteView read = athletes.findNewest("lou").orElseThrow();
        var before = AthleteViewsAccess.trend(read);

        projector.apply(batch(stream.subList(4, 7)));

        assertThat(read.version()).isEqualTo(4);
        assertThat(AthleteViewsAccess.trend(read)).isEqualTo(before);
        AthleteView newest = athletes.findNewest("lou").orElseThrow();
        assertThat(newest.version()).isEqualTo(7);
        assertThat(AthleteViewsAccess.trend(newest)).as("applied to a copy of the view read")
                .isEqualTo(AthleteViewsAccess.trend(athletes.find("lou").orElseThrow()));
    }

    @Test
    void emptyingTheReadModelsForgetsWhatWasWritten() {
        projector.apply(batch(stream("ivy", 2)));
        athletes.deleteAll();
        assertThat(athletes.findNewest("ivy")).isEmpty();
    }

    private static List<Long> versions(Timeline.Page page) {
        return page.events().stream().map(entry -> entry.version()).toList();
    }

    /** Enrollment and {@code holds} holds on consecutive days from Monday 2 November, versions 1 onwards. */
    private static List<EventEnvelope> stream(String athlete, int holds) {
        AthleteId id = AthleteId.of(athlete);
        List<RehabEvent> events = new ArrayList<>();
        events.add(new AthleteEnrolled(UUID.randomUUID(), id, OffsetDateTime.parse("2026-11-02T09:00:00+01:00"), 1990,
                Sex.MALE, Condition.FUSION, Surgery.FUSION, LocalDate.parse("2026-03-01"), ZoneId.of("Europe/Amsterdam"),
                List.of(), List.of("arm:A")));
        for (int day = 0; day < holds; day++) {
            events.add(new HoldCompleted(UUID.randomUUID(), id, OffsetDateTime.parse("2026-11-02T18:00:00+01:00").plusDays(day),
                    40 + day * 10, null, Placement.NONE, true, 1, true, List.of()));
        }
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            envelopes.add(EventEnvelope.of(UUID.randomUUID().toString(), events.get(i), i + 1,
                    Instant.parse("2026-11-20T10:00:00Z"), null, JSON));
        }
        return envelopes;
    }

    private static Map<String, List<DecodedBatch.Decoded>> batch(List<EventEnvelope> envelopes) {
        Map<String, List<DecodedBatch.Decoded>> byAthlete = new LinkedHashMap<>();
        for (EventEnvelope envelope : envelopes) {
            byAthlete.computeIfAbsent(envelope.athleteId().value(), id -> new ArrayList<>())
                    .add(new DecodedBatch.Decoded(envelope, read(envelope)));
        }
        return byAthlete;
    }

    private static RehabEvent read(EventEnvelope envelope) {
        try {
            return envelope.event(JSON);
        } catch (EventEnvelope.UnreadableEvent e) {
            throw new AssertionError(e);
        }
    }
}
