package app.stamina.analytics.facts;

import app.stamina.readmodel.MongoJson;
import app.stamina.readmodel.VersionedDocuments;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * The research documents, one per athlete, each replaced only by a newer version of itself and stamped with when
 * it was written, so that every instance can follow what the others wrote.
 */
@Repository
public class AthleteFactsStore extends VersionedDocuments<AthleteFacts> {

    static final String COLLECTION = "athleteFacts";
    private static final String TOUCHED = "touchedAtMillis";

    private final Clock clock;

    public AthleteFactsStore(MongoDatabase database, MongoJson mongoJson, Clock clock) {
        super(database.getCollection(COLLECTION), mongoJson, AthleteFacts.class);
        this.clock = clock;
        database.getCollection(COLLECTION).createIndex(Indexes.ascending(TOUCHED));
    }

    @Override
    protected void beforeWrite(AthleteFacts athlete) {
        athlete.touch(clock.instant());
    }

    /** The documents written at or after {@code millis} (epoch milliseconds), one at a time. */
    public void forEachTouchedSince(long millis, Consumer<AthleteFacts> action) {
        forEach(Filters.gte(TOUCHED, millis), action);
    }
}
