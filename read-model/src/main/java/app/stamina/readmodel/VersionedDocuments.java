package app.stamina.readmodel;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Documents, one per athlete, that a projection replaces only with a newer version of themselves: a writer that
 * lost a race to a newer one (a rebalance, a redelivery) changes nothing.
 */
public class VersionedDocuments<T extends Versioned> {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> collection;
    private final MongoJson mongoJson;
    private final Class<T> type;

    public VersionedDocuments(MongoCollection<Document> collection, MongoJson mongoJson, Class<T> type) {
        this.collection = collection;
        this.mongoJson = mongoJson;
        this.type = type;
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first())
                .map(document -> mongoJson.fromDocument(document, type));
    }

    public Map<String, T> findAll(Collection<String> ids) {
        Map<String, T> found = new HashMap<>();
        collection.find(Filters.in("_id", ids)).forEach(document -> {
            T value = mongoJson.fromDocument(document, type);
            found.put(value.id(), value);
        });
        return found;
    }

    /** Every document, one at a time, without holding them all in memory. */
    public void forEach(Consumer<T> action) {
        forEach(new Document(), action);
    }

    /** The documents that match {@code filter}, one at a time. */
    protected void forEach(Bson filter, Consumer<T> action) {
        collection.find(filter).batchSize(1000).forEach(document -> action.accept(mongoJson.fromDocument(document, type)));
    }

    /**
     * Applies a batch, athlete by athlete in topic order, to their documents (new ones made by {@code create}) and
     * saves the documents that changed, which it returns.
     */
    public List<T> applyAll(Map<String, List<DecodedBatch.Decoded>> byAthlete, Function<String, T> create) {
        Map<String, T> documents = findAll(byAthlete.keySet());
        List<T> changed = new ArrayList<>();
        byAthlete.forEach((id, events) -> {
            T document = documents.computeIfAbsent(id, create);
            boolean any = false;
            for (DecodedBatch.Decoded decoded : events) {
                any |= document.apply(decoded.envelope(), decoded.event());
            }
            if (any) {
                changed.add(document);
            }
        });
        saveAll(changed);
        return changed;
    }

    public void saveAll(Collection<T> values) {
        if (values.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = values.stream()
                .<WriteModel<Document>>map(value -> new ReplaceOneModel<>(
                        Filters.and(Filters.eq("_id", value.id()), Filters.lt("version", value.version())),
                        mongoJson.toDocument(value), new ReplaceOptions().upsert(true)))
                .toList();
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    public void deleteAll() {
        collection.deleteMany(new Document());
    }
}
