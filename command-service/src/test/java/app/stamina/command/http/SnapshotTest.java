package app.stamina.command.http;

import app.stamina.command.CommandHttpTest;
import app.stamina.command.CommandServiceTestApp;
import app.stamina.command.http.Http.Reply;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.UUID;

import static app.stamina.command.http.Bodies.enrollment;
import static app.stamina.command.http.Bodies.entry;
import static app.stamina.command.http.Bodies.id;
import static app.stamina.command.http.Bodies.loadIncrease;
import static app.stamina.command.http.Bodies.nov;
import static app.stamina.command.http.Bodies.rep;
import static app.stamina.command.http.Bodies.syncToStrength;
import static app.stamina.command.http.Bodies.workingLoad;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long-lived athlete is loaded from a snapshot plus the few events after it, and the program it gives decides
 * exactly as the one built from every event.
 */
@SpringBootTest(classes = CommandServiceTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "stamina.command.snapshot-threshold=50")
class SnapshotTest extends CommandHttpTest {
    @Autowired
    Cache rehabProgramCache;

    @Test
    void aProgramLoadedFromItsSnapshotDecidesAsBefore() {
        Http http = new Http(port);
        String athlete = "snap-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/api/v1/athletes/" + athlete + "/";
        http.post(base + "enrollment", enrollment(id()));
        http.post(base + "sync", syncToStrength());
        http.post(base + "working-loads", workingLoad(id(), "deadlift", "135", "lb"));
        for (int day = 14; day <= 18; day++) {
            StringBuilder entries = new StringBuilder();
            for (int set = 1; set <= 3; set++) {
                for (int r = 1; r <= 5; r++) {
                    entries.append(entries.isEmpty() ? "" : ",")
                            .append(entry("rep", rep(id(), nov(day), set, r, "135", day == 14)));
                }
            }
            http.post(base + "sync", "{\"entries\":[" + entries + "]}");
        }
        long events = storedEvents(athlete);
        Long snapshotAt = jdbc.queryForObject(
                "SELECT max(sequenceNumber) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Long.class, athlete);
        assertThat(events).isGreaterThan(80);
        assertThat(snapshotAt).isNotNull().isGreaterThan(events - 1 - 50);

        rehabProgramCache.removeAll();

        Reply tooLarge = http.post(base + "load-increases", loadIncrease(id(), "deadlift", "185", "lb"));
        assertThat(tooLarge.code()).isEqualTo("step-too-large");
        Reply accepted = http.post(base + "load-increases", loadIncrease(id(), "deadlift", "155", "lb"));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.json().path("version").asLong()).isEqualTo(events + 2);
    }
}
