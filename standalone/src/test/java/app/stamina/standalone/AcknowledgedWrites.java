package app.stamina.standalone;

import app.stamina.standalone.StandaloneHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that write holds for their athletes as fast as they are answered, what the system acknowledged (201), and
 * the check that the read models hold each acknowledged write exactly once.
 */
final class AcknowledgedWrites {

    private final Map<String, Acked> acked = new ConcurrentHashMap<>();
    private final AtomicInteger notCreated = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();

    record Acked(String athlete, String eventId, String body, long version) {
    }

    /** What the read side holds of an athlete: its last version and the seconds of its counted holds. */
    record ReadModel(long version, long countedHoldSeconds) {
    }

    /** One client per athlete, writing until {@link Writing#stop()}. */
    Writing start(StandaloneHttp http, List<String> athletes) {
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> writers = athletes.stream()
                .map(athlete -> Thread.ofVirtual().start(() -> write(http, athlete, writing))).toList();
        return new Writing(writing, writers);
    }

    record Writing(AtomicBoolean writing, List<Thread> writers) {

        void stop() throws InterruptedException {
            writing.set(false);
            for (Thread writer : writers) {
                writer.join();
            }
        }
    }

    private void write(StandaloneHttp http, String athlete, AtomicBoolean writing) {
        while (writing.get()) {
            String eventId = UUID.randomUUID().toString();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String at = "2026-11-%02dT%02d:%02d:%02dZ".formatted(random.nextInt(3, 21), random.nextInt(24),
                    random.nextInt(60), random.nextInt(60));
            String body = StandaloneHttp.hold(eventId, at, random.nextInt(10, 300));
            try {
                Reply reply = http.post("/api/v1/athletes/" + athlete + "/holds", body);
                if (reply.status() == 201) {
                    acked.put(eventId, new Acked(athlete, eventId, body, reply.json().path("version").asLong()));
                } else {
                    notCreated.incrementAndGet();
                }
            } catch (Exception e) {
                // The process is down: this write's fate is unknown, so it is not counted as acknowledged.
                unanswered.incrementAndGet();
            }
        }
    }

    Collection<Acked> all() {
        return acked.values();
    }

    int count() {
        return acked.size();
    }

    /** Writes answered with anything but 201, or not answered at all. */
    int failed() {
        return notCreated.get() + unanswered.get();
    }

    /** The read side, once it has caught up with the athlete's last acknowledged write (waiting up to 90 s). */
    ReadModel assertReadModelsHoldEachWriteOnce(StandaloneHttp http, String athlete) throws Exception {
        return assertReadModelsHoldEachWriteOnce(http, athlete, 1);
    }

    /**
     * The same, once the read side has at least version {@code atLeast}: a write killed before its answer may be
     * stored after the last acknowledged one, and another read side may have applied it already.
     */
    ReadModel assertReadModelsHoldEachWriteOnce(StandaloneHttp http, String athlete, long atLeast) throws Exception {
        long latest = Math.max(atLeast, acked.values().stream().filter(a -> a.athlete().equals(athlete))
                .mapToLong(Acked::version).max().orElse(1));
        Instant deadline = Instant.now().plusSeconds(90);
        Reply progress = http.get("/api/v1/athletes/" + athlete + "/progress?minVersion=" + latest);
        while (progress.status() == 503 && Instant.now().isBefore(deadline)) {
            progress = http.get("/api/v1/athletes/" + athlete + "/progress?minVersion=" + latest);
        }
        assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
        long version = progress.json().path("version").asLong();

        List<Long> versions = new ArrayList<>();
        Map<String, Long> versionOfEventId = new HashMap<>();
        long countedHoldSeconds = 0;
        long after = 0;
        while (true) {
            JsonNode page = http.get("/api/v1/athletes/" + athlete + "/timeline?limit=1000&after=" + after).json();
            for (JsonNode event : page.path("events")) {
                versions.add(event.path("version").asLong());
                if (event.path("type").asText().equals("HoldCompleted") && event.at("/data/countsTowardProgress").asBoolean()) {
                    countedHoldSeconds += event.at("/data/durationSeconds").asLong();
                }
                assertThat(versionOfEventId.put(event.path("eventId").asText(), event.path("version").asLong()))
                        .as("eventId %s appears once", event.path("eventId").asText()).isNull();
            }
            if (page.path("next").isNull()) {
                break;
            }
            after = page.path("next").asLong();
        }
        assertThat(versions).containsExactlyElementsOf(LongStream.rangeClosed(1, version).boxed().toList());
        // A write's answer is the stream position after it; its own event may be followed by milestones it reached.
        acked.values().stream().filter(a -> a.athlete().equals(athlete))
                .forEach(a -> assertThat(versionOfEventId.get(a.eventId())).as("in the timeline: %s", a)
                        .isNotNull().isBetween(a.version() - 5, a.version()));
        return new ReadModel(version, countedHoldSeconds);
    }
}
