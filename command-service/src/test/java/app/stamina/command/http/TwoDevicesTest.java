package app.stamina.command.http;

import app.stamina.command.CommandHttpTest;
import app.stamina.command.http.Http.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;

import static app.stamina.command.http.Bodies.enrollment;
import static app.stamina.command.http.Bodies.entry;
import static app.stamina.command.http.Bodies.hold;
import static app.stamina.command.http.Bodies.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two devices of one athlete writing at the same moment: a phone posting holds one by one while a watch syncs its
 * own, both uploading some of the same facts. Nothing is lost, nothing doubled, and the athlete's versions run
 * without a gap.
 */
class TwoDevicesTest extends CommandHttpTest {

    private static final int SINGLES = 40;
    private static final int SYNCS = 8;
    private static final int PER_SYNC = 5;
    private static final int SHARED = 10;

    @Test
    void concurrentWritesOfOneAthleteAreAllKeptOnceWithContiguousVersions() throws Exception {
        Http http = new Http(port);
        String athlete = "two-devices-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/v1/athletes/" + athlete + "/enrollment", enrollment(id())).status()).isEqualTo(201);
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < SHARED; i++) {
            shared.add(hold(id(), at(200 + i), 45));
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> versions = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);

        Thread phone = Thread.ofPlatform().start(() -> {
            await(start);
            for (int i = 0; i < SINGLES + SHARED; i++) {
                String body = i < SINGLES ? hold(id(), at(i), 45) : shared.get(i - SINGLES);
                Reply reply = http.post("/api/v1/athletes/" + athlete + "/holds", body);
                if (reply.status() != 201) {
                    failures.add("phone: " + reply);
                } else if (!reply.json().path("duplicate").asBoolean()) {
                    versions.add(reply.json().path("version").asLong());
                }
            }
        });
        Thread watch = Thread.ofPlatform().start(() -> {
            await(start);
            for (int s = 0; s < SYNCS; s++) {
                List<String> entries = new ArrayList<>();
                for (int e = 0; e < PER_SYNC; e++) {
                    entries.add(entry("hold", hold(id(), at(100 + s * PER_SYNC + e), 45)));
                }
                if (s < SHARED / 2) {
                    entries.add(entry("hold", shared.get(2 * s)));
                    entries.add(entry("hold", shared.get(2 * s + 1)));
                }
                Reply reply = http.post("/api/v1/athletes/" + athlete + "/sync", "{\"entries\":[" + String.join(",", entries) + "]}");
                if (reply.status() != 200) {
                    failures.add("watch: " + reply);
                    continue;
                }
                reply.json().path("results").forEach(result -> {
                    if (result.path("status").asInt() != 201) {
                        failures.add("watch entry: " + result);
                    } else if (!result.path("duplicate").asBoolean()) {
                        versions.add(result.path("version").asLong());
                    }
                });
            }
        });
        start.countDown();
        phone.join();
        watch.join();

        assertThat(failures).isEmpty();
        int facts = SINGLES + SYNCS * PER_SYNC + SHARED;
        assertThat(versions).as("one fresh answer per distinct fact, each with its own version").hasSize(facts)
                .doesNotHaveDuplicates();
        List<Long> sequence = jdbc.queryForList("SELECT sequenceNumber FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "ORDER BY sequenceNumber", Long.class, athlete);
        assertThat(sequence).as("versions without a gap").containsExactlyElementsOf(
                LongStream.range(0, sequence.size()).boxed().toList());
        assertThat(storedEvents(athlete)).as("the enrollment and every fact once").isEqualTo(1 + facts);
        List<Long> sorted = new ArrayList<>(versions);
        Collections.sort(sorted);
        assertThat(sorted.getLast()).isEqualTo(1 + facts);
    }

    /** Minute {@code minute} after 07:00 on 3 November, a day after enrollment. */
    private static String at(int minute) {
        return "2026-11-03T%02d:%02d:00+01:00".formatted(7 + minute / 60, minute % 60);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
