package app.stamina.command.store;

import app.stamina.command.CommandHttpTest;
import app.stamina.command.TestTokens;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventStorageTest extends CommandHttpTest {

    @Autowired
    EventStorageEngine storage;
    @Autowired
    ConnectionProvider connections;
    @Autowired
    TransactionManager transactions;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    Serializer serializer;

    @Test
    void theStreamGivesEveryEventAsAxonsOwnEngineReadsIt() throws Exception {
        String athlete = "stored-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> enrolled = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/athletes/" + athlete + "/enrollment"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"eventId":"%s","birthYear":1988,"sex":"female","condition":"strain","surgery":"none",
                         "injuryDate":"2026-06-01","timeZone":"Europe/Amsterdam",
                         "enrolledAt":"2026-11-02T09:00:00+01:00"}"""
                        .formatted(UUID.randomUUID()))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        JdbcEventStorageEngine axons = JdbcEventStorageEngine.builder().connectionProvider(connections)
                .transactionManager(transactions).eventSerializer(eventSerializer).snapshotSerializer(serializer)
                .schema(new EventSchema()).build();

        List<TrackedEventMessage<?>> ours = List.copyOf(storage.readEvents(null, false).toList());
        List<TrackedEventMessage<?>> theirs = List.copyOf(axons.readEvents(null, false).toList());

        assertThat(ours).hasSize(theirs.size()).hasSizeGreaterThanOrEqualTo((int) storedEvents(athlete));
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i).getIdentifier()).isEqualTo(theirs.get(i).getIdentifier());
            assertThat(ours.get(i).trackingToken()).isEqualTo(theirs.get(i).trackingToken());
            assertThat(ours.get(i).getTimestamp()).isEqualTo(theirs.get(i).getTimestamp());
            assertThat(ours.get(i).getPayloadType()).isEqualTo(theirs.get(i).getPayloadType());
        }
        List<Instant> stored = jdbc.queryForList(
                        "SELECT timeStamp FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY globalIndex",
                        String.class, athlete).stream().map(DateTimeUtils::parseInstant).toList();
        assertThat(ours).filteredOn(e -> e instanceof DomainEventMessage<?> event
                        && athlete.equals(event.getAggregateIdentifier()))
                .extracting(TrackedEventMessage::getTimestamp).isNotEmpty().containsExactlyElementsOf(stored);
    }

    @Test
    void aStoredTimestampReadsAsAxonReadsIt() {
        for (String stored : List.of("2026-12-04T21:17:34.123Z", "2026-12-04T21:17:34Z", "2026-12-04T21:17:34.1Z",
                "2026-12-04T21:17:34.123456789Z", "2026-12-04T22:17:34.123+01:00", "2026-12-04t21:17:34.123z",
                "+12026-12-04T21:17:34.123Z", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z")) {
            assertThat(EventStorage.instant(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }
}
