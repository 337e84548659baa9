package app.stamina.analytics.facts;

import app.stamina.readmodel.MongoJson;
import app.stamina.readmodel.VersionedDocuments;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The research documents, one per athlete, each replaced only by a newer version of itself and stamped with when
 * it was written and by which instance (a random id per start), so that every instance can follow what the others
 * wrote without reading back its own writes, which it learns at once.
 */
@Repository
public class AthleteFactsStore extends VersionedDocuments<AthleteFacts> {

    static final String COLLECTION = "athleteFacts";
    private static final String TOUCHED = "touchedAtMillis";
    private static final String TOUCHED_BY = "touchedBy";

    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    /** Since when this instance's own writes are to be read back, or {@code Long.MAX_VALUE}. */
    private final AtomicLong unreportedSince = new AtomicLong(Long.MAX_VALUE);

    public AthleteFactsStore(MongoDatabase database, MongoJson mongoJson, Clock clock) {
        super(database.getCollection(COLLECTION), mongoJson, AthleteFacts.class);
        this.clock = clock;
        database.getCollection(COLLECTION).createIndex(Indexes.ascending(TOUCHED));
    }

    @Override
    protected void beforeWrite(AthleteFacts athlete) {
        athlete.touch(clock.instant(), instance);
    }

    /**
     * The documents other instances (or this one before a restart) wrote at or after {@code millis} (epoch
     * milliseconds), one at a time, and, once, those this instance wrote from when its writes last went unreported
     * ({@link #ownWritesUnreportedSince}).
     */
    public void forEachTouchedElsewhereSince(long millis, Consumer<AthleteFacts> action) {
        long unreported = unreportedSince.getAndSet(Long.MAX_VALUE);
        Bson elsewhere = Filters.and(Filters.gte(TOUCHED, millis), Filters.ne(TOUCHED_BY, instance));
        try {
            forEach(unreported == Long.MAX_VALUE ? elsewhere : Filters.or(elsewhere, Filters.gte(TOUCHED, unreported)),
                    action);
        } catch (RuntimeException e) {
            ownWritesUnreportedSince(unreported);
            throw e;
        }
    }

    /**
     * This instance's writes from {@code millis} on may not have reached its listeners (a batch failed part way):
     * the next look at what changed reads them back.
     */
    void ownWritesUnreportedSince(long millis) {
        unreportedSince.accumulateAndGet(millis, Math::min);
    }
}
