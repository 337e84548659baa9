package app.stamina.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Documents, one per athlete, that a projection replaces only with a newer version of themselves, each write a
 * compare-and-set on the version it read ({@link VersionedWrites}): a writer that lost a race reads the document
 * again and applies its events to that; events it already holds change nothing.
 */
public class VersionedDocuments<T extends Versioned> {

    private final MongoCollection<RawBsonDocument> collection;
    private final VersionedWrites writes;
    private final MongoJson mongoJson;
    private final Class<T> type;

    public VersionedDocuments(MongoCollection<Document> collection, MongoJson mongoJson, Class<T> type) {
        this.collection = collection.withDocumentClass(RawBsonDocument.class);
        this.writes = new VersionedWrites(collection);
        this.mongoJson = mongoJson;
        this.type = type;
    }

    public Optional<T> find(String id) {
        return findStored(id).map(this::read);
    }

    /** The document as stored, not yet read. */
    protected Optional<RawBsonDocument> findStored(String id) {
        return Optional.ofNullable(collection.find(Filters.eq(VersionedWrites.ID, id)).first());
    }

    public Map<String, T> findAll(Collection<String> ids) {
        Map<String, T> found = new HashMap<>();
        collection.find(Filters.in(VersionedWrites.ID, ids)).forEach(document -> {
            T value = read(document);
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
        collection.find(filter).batchSize(1000).forEach(document -> action.accept(read(document)));
    }

    /**
     * Applies a batch, document by document in topic order, to the stored documents (new ones made by
     * {@code create}) and saves those that changed, which it returns.
     */
    public List<T> applyAll(Map<String, List<DecodedBatch.Decoded>> byId, Function<String, T> create) {
        List<T> changed = new ArrayList<>();
        Map<String, List<DecodedBatch.Decoded>> pending = byId;
        while (!pending.isEmpty()) {
            Map<String, T> stored = findAll(pending.keySet());
            Map<String, Long> readVersions = new HashMap<>();
            List<T> applied = new ArrayList<>();
            pending.forEach((id, events) -> {
                T document = stored.get(id);
                if (document == null) {
                    document = create.apply(id);
                } else {
                    readVersions.put(id, document.version());
                }
                boolean any = false;
                for (DecodedBatch.Decoded decoded : events) {
                    any |= document.apply(decoded.envelope(), decoded.event());
                }
                if (any) {
                    applied.add(document);
                }
            });
            Map<String, RawBsonDocument> saved = new HashMap<>();
            Set<String> lost = saveOver(applied, readVersions, saved);
            applied.stream().filter(document -> !lost.contains(document.id())).forEach(document -> {
                changed.add(document);
                afterWrite(saved.get(document.id()));
            });
            if (!lost.isEmpty()) {
                afterLost(lost);
            }
            pending = byId.entrySet().stream().filter(entry -> lost.contains(entry.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
        return changed;
    }

    /** Writes each document over the version it was read at, or inserts it where none was stored. */
    private Set<String> saveOver(List<T> values, Map<String, Long> readVersions, Map<String, RawBsonDocument> saved) {
        List<VersionedWrites.Write> batch = new ArrayList<>(values.size());
        for (T value : values) {
            beforeWrite(value);
            RawBsonDocument document = mongoJson.toBson(value);
            saved.put(value.id(), document);
            Long read = readVersions.get(value.id());
            batch.add(read == null ? VersionedWrites.insert(value.id(), value.version(), document)
                    : VersionedWrites.replace(value.id(), read, value.version(), document));
        }
        return writes.writeAll(batch);
    }

    /** What a store adds to each document as it is written. */
    protected void beforeWrite(T value) {
    }

    /** Told of each document as it was stored, once stored. */
    protected void afterWrite(RawBsonDocument stored) {
    }

    /** Told of the documents whose write lost to another writer's, before they are read again and reapplied. */
    protected void afterLost(Set<String> ids) {
    }

    /** A stored document as a value: every read from MongoDB goes through here. */
    protected T read(RawBsonDocument stored) {
        return mongoJson.fromBson(stored, type);
    }

    public void deleteAll() {
        writes.clear();
    }
}
