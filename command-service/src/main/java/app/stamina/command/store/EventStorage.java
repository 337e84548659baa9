package app.stamina.command.store;

import app.stamina.api.IsoTimes;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Axon's JDBC storage engine, except that an event read from the stream (by the relay) has its stored timestamp read
 * once, by {@link IsoTimes}. Axon's entry keeps the text and reads it with {@code DateTimeFormatter} each time it
 * is asked, twice per relayed event (for its gap check and for the message): an eighth of the relay's samples while
 * it caught up after a sync. The gap check still asks Axon's entry; the message gets the instant read here.
 */
public class EventStorage extends JdbcEventStorageEngine {

    public EventStorage(Builder builder) {
        super(builder);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> read = super.getTrackedEventData(resultSet, previousToken);
        if (!(read instanceof TrackedDomainEventData<?> event)) {
            return read;
        }
        Instant timestamp = instant(readTimeStamp(resultSet, schema().timestampColumn()).toString());
        return new TrackedDomainEventData<>(event.trackingToken(), new ReadOnce<>(event, timestamp));
    }

    static Instant instant(String stored) {
        OffsetDateTime usual = IsoTimes.parse(stored);
        return usual != null ? usual.toInstant() : DateTimeUtils.parseInstant(stored);
    }

    /** A stored event with its timestamp already read. */
    private record ReadOnce<T>(DomainEventData<T> stored, Instant timestamp) implements DomainEventData<T> {

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public String getType() {
            return stored.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return stored.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return stored.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return stored.getEventIdentifier();
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return stored.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return stored.getPayload();
        }
    }
}
