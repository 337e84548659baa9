package app.stamina.query.athlete;

import app.stamina.query.MongoJson;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The athlete documents. A document is replaced only by a newer version of itself: a writer that lost a race to a
 * newer one (a rebalance, a redelivery) changes nothing.
 */
@Repository
public class AthleteViews {

    static final String COLLECTION = "athletes";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> athletes;
    private final MongoJson mongoJson;

    public AthleteViews(MongoDatabase database, MongoJson mongoJson) {
        this.athletes = database.getCollection(COLLECTION);
        this.mongoJson = mongoJson;
    }

    public Optional<AthleteView> find(String athleteId) {
        return Optional.ofNullable(athletes.find(Filters.eq("_id", athleteId)).first())
                .map(document -> mongoJson.fromDocument(document, AthleteView.class));
    }

    public Map<String, AthleteView> findAll(Collection<String> athleteIds) {
        Map<String, AthleteView> found = new HashMap<>();
        athletes.find(Filters.in("_id", athleteIds)).forEach(document -> {
            AthleteView view = mongoJson.fromDocument(document, AthleteView.class);
            found.put(view.athleteId(), view);
        });
        return found;
    }

    public void saveAll(Collection<AthleteView> views) {
        if (views.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = views.stream()
                .<WriteModel<Document>>map(view -> new ReplaceOneModel<>(
                        Filters.and(Filters.eq("_id", view.athleteId()), Filters.lt("version", view.version())),
                        mongoJson.toDocument(view), new ReplaceOptions().upsert(true)))
                .toList();
        try {
            athletes.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    public void deleteAll() {
        athletes.deleteMany(new Document());
    }
}
