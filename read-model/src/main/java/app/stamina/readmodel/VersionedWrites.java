package app.stamina.readmodel;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes to documents that carry the version of the last event they hold, each a compare-and-set on the version it
 * was read at: a writer that lost a race to another (a rebalance, a redelivery) never overwrites a newer document,
 * and learns which of its writes to make again over what is stored now. The filter names the whole of a unique
 * index ({@code _id} and {@code version}), which every MongoDB server, the embedded one included, answers from the
 * index instead of scanning the collection.
 */
public final class VersionedWrites {

    public static final String ID = "_id";
    public static final String VERSION = "version";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> collection;
    /** The same collection, written in BSON as {@link MongoJson#toBson} makes it. */
    private final MongoCollection<BsonDocument> writable;

    public VersionedWrites(MongoCollection<Document> collection) {
        this.collection = collection;
        this.writable = collection.withDocumentClass(BsonDocument.class);
        createIndex();
    }

    private void createIndex() {
        collection.createIndex(Indexes.ascending(ID, VERSION), new IndexOptions().unique(true));
    }

    /**
     * Empties the collection by dropping it, then creates its index again. A {@code deleteMany} of everything made
     * the embedded MongoDB server read every document into memory first: at 10,000 athletes the timeline's pages ran
     * a 2 GB process out of heap when a rebuild began.
     */
    public void clear() {
        collection.drop();
        createIndex();
    }

    /** A write that takes document {@code id} from version {@code over} (0: none stored) to {@code version}. */
    public record Write(String id, long over, long version, WriteModel<BsonDocument> model) {
    }

    /** A new document, for an id that had none. */
    public static Write insert(String id, long version, BsonDocument document) {
        return new Write(id, 0, version, new InsertOneModel<>(document));
    }

    /** {@code document}, at {@code version}, in place of the one stored at {@code over}. */
    public static Write replace(String id, long over, long version, BsonDocument document) {
        return new Write(id, over, version, new ReplaceOneModel<>(at(id, over), document));
    }

    /** {@code update} (which sets the version to {@code version}) to the document stored at {@code over}. */
    public static Write update(String id, long over, long version, Bson update) {
        return new Write(id, over, version, new UpdateOneModel<>(at(id, over), update));
    }

    /** The filter that finds document {@code id} only if it is still at {@code version}. */
    private static Bson at(String id, long version) {
        return new Document(ID, id).append(VERSION, version);
    }

    /** The stored version of each of the documents that exist. */
    public Map<String, Long> versions(Collection<String> ids) {
        Map<String, Long> versions = new HashMap<>();
        collection.find(Filters.in(ID, ids)).projection(Projections.include(VERSION)).forEach(document ->
                versions.put(document.getString(ID), document.get(VERSION, Number.class).longValue()));
        return versions;
    }

    /**
     * Makes the writes; answers the ids of those that found their document changed and still behind them. A write
     * that found nothing to write over, yet the document is still where it was read, would fail the same way each
     * time it was made again: the document and the index disagree (a store that kept half of a write), and this says
     * so instead of trying again for ever.
     */
    public Set<String> writeAll(List<Write> writes) {
        if (writes.isEmpty()) {
            return Set.of();
        }
        long overStored = writes.stream().filter(write -> !(write.model() instanceof InsertOneModel)).count();
        BulkWriteResult result;
        boolean duplicates = false;
        try {
            result = writable.bulkWrite(writes.stream().map(Write::model).toList(), new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
            result = e.getWriteResult();
            duplicates = true;
        }
        // An insert that met a stored document fails with a duplicate key; a write over a version that is no longer
        // stored matches nothing. (Insert counts are not trusted: mongo-java-server counts failed inserts too.)
        if (!duplicates && result.getMatchedCount() == overStored) {
            return Set.of();
        }
        Map<String, Long> now = versions(writes.stream().map(Write::id).toList());
        List<Write> lost = writes.stream().filter(write -> now.getOrDefault(write.id(), 0L) < write.version()).toList();
        lost.stream().filter(write -> now.getOrDefault(write.id(), 0L) == write.over()).findFirst().ifPresent(write -> {
            throw new IllegalStateException("%s %s is stored at version %d, yet a write over that version found nothing to write over: its index disagrees with it"
                    .formatted(collection.getNamespace().getCollectionName(), write.id(), write.over()));
        });
        return lost.stream().map(Write::id).collect(Collectors.toSet());
    }
}
