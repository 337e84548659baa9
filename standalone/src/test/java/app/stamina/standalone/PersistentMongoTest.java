package app.stamina.standalone;

import app.stamina.readmodel.VersionedWrites;
import com.mongodb.MongoWriteException;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded MongoDB-protocol server keeps documents and unique indexes, in BSON, across restarts. */
class PersistentMongoTest {

    @TempDir
    Path directory;

    @Test
    void documentsAndUniqueIndexesSurviveARestart() {
        PersistentMongo first = PersistentMongo.start(directory);
        try (MongoClient client = MongoClients.create(first.uri())) {
            MongoCollection<Document> athletes = client.getDatabase("stamina").getCollection("athletes");
            athletes.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                athletes.insertOne(new Document("_id", "a-" + i).append("version", i)
                        .append("weeks", new Document("2026-11-02", new Document("best", 95.5).append("days", List.of(1, 2))))
                        .append("note", "é ☃ " + i));
            }
        } finally {
            first.close();
        }
        assertThat(first.formatChanged()).isFalse();

        PersistentMongo again = PersistentMongo.start(directory);
        try (MongoClient client = MongoClients.create(again.uri())) {
            MongoCollection<Document> athletes = client.getDatabase("stamina").getCollection("athletes");
            assertThat(athletes.countDocuments()).isEqualTo(300);
            Document stored = athletes.find(Filters.and(Filters.eq("_id", "a-42"), Filters.eq("version", 42))).first();
            assertThat(stored).isNotNull();
            assertThat(stored.get("weeks", Document.class).get("2026-11-02", Document.class).getDouble("best")).isEqualTo(95.5);
            assertThat(stored.getString("note")).isEqualTo("é ☃ 42");
            assertThatThrownBy(() -> athletes.insertOne(new Document("_id", "a-7").append("version", 8)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(athletes.replaceOne(Filters.and(Filters.eq("_id", "a-7"), Filters.eq("version", 7)),
                    new Document("_id", "a-7").append("version", 8)).getMatchedCount()).isEqualTo(1);
            assertThat(athletes.replaceOne(Filters.and(Filters.eq("_id", "a-7"), Filters.eq("version", 7)),
                    new Document("_id", "a-7").append("version", 9)).getMatchedCount()).as("no longer at 7").isZero();
        } finally {
            again.close();
        }
    }

    /**
     * A query through a whole collection is read batch by batch as the driver asks for more, not matched and held
     * in full first (which ran a 512 MB process out of heap on an export of 10,000 documents): every document once,
     * in the store's order, filters and limits as MongoDB has them, and a document written after the first batch
     * is read as written.
     */
    @Test
    void aScanReadsTheCollectionBatchByBatch() {
        PersistentMongo server = PersistentMongo.start(directory);
        try (MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> facts = client.getDatabase("stamina").getCollection("facts");
            for (int i = 0; i < 2500; i += 500) {
                List<Document> batch = new ArrayList<>();
                for (int n = i; n < i + 500; n++) {
                    batch.add(new Document("_id", String.format("athlete-%04d", n)).append("n", n));
                }
                facts.insertMany(batch);
            }

            List<String> ids = new ArrayList<>();
            int[] lastRead = new int[1];
            try (var cursor = facts.find().batchSize(100).iterator()) {
                while (cursor.hasNext()) {
                    Document fact = cursor.next();
                    ids.add(fact.getString("_id"));
                    if (ids.size() == 1) {
                        facts.updateOne(Filters.eq("_id", "athlete-2499"), new Document("$set", new Document("n", -1)));
                    }
                    if (fact.getString("_id").equals("athlete-2499")) {
                        lastRead[0] = fact.getInteger("n");
                    }
                }
            }
            assertThat(ids).hasSize(2500).doesNotHaveDuplicates().isSorted();
            assertThat(lastRead[0]).as("written after the first batch was read").isEqualTo(-1);

            assertThat(facts.find(Filters.gte("n", 2000)).batchSize(100).into(new ArrayList<>()))
                    .hasSize(499);
            assertThat(facts.find(Filters.gte("n", 100)).batchSize(100).limit(250).into(new ArrayList<>()))
                    .extracting(fact -> fact.getInteger("n")).hasSize(250).startsWith(100).endsWith(349);
            assertThat(facts.find().sort(new Document("n", -1)).batchSize(100).first().getInteger("n"))
                    .as("a sorted query, answered as before").isEqualTo(2498);
        } finally {
            server.close();
        }
    }

    /**
     * A store that kept half of a write (the index entry of the next version, not the document) can no longer take a
     * write over that document: the projection is told so, and its batch fails and is retried with the error logged,
     * instead of its thread trying again for ever in silence.
     */
    @Test
    void aDocumentItsIndexDisagreesWithIsReportedNotWrittenOverForEver() {
        PersistentMongo first = PersistentMongo.start(directory);
        try (MongoClient client = MongoClients.create(first.uri())) {
            MongoCollection<Document> athletes = client.getDatabase("stamina").getCollection("athletes");
            new VersionedWrites(athletes).writeAll(List.of(VersionedWrites.insert("a-1", 3,
                    new Document("_id", "a-1").append("version", 3L).toBsonDocument())));
        } finally {
            first.close();
        }
        BsonH2Backend store = BsonH2Backend.open(directory.resolve("read-models-v2.mv.db"));
        MVMap<KeyValue, Object> index = store.getMvStore().openMap("stamina.athletes._index__id_1_version_1");
        index.put(new KeyValue("a-1", 4L), index.get(new KeyValue("a-1", 3L)));
        store.close();

        PersistentMongo again = PersistentMongo.start(directory);
        try (MongoClient client = MongoClients.create(again.uri())) {
            MongoCollection<Document> athletes = client.getDatabase("stamina").getCollection("athletes");
            VersionedWrites writes = new VersionedWrites(athletes);
            assertThatThrownBy(() -> writes.writeAll(List.of(VersionedWrites.replace("a-1", 3, 4,
                    new Document("_id", "a-1").append("version", 4L).toBsonDocument()))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("athletes a-1 is stored at version 3");
        } finally {
            again.close();
        }
    }

    @Test
    void readModelsOfAnOlderFormatAreDroppedToBeRebuilt() throws Exception {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("stamina.mv.db"), "an older store");
        PersistentMongo mongo = PersistentMongo.start(directory);
        try {
            assertThat(mongo.formatChanged()).isTrue();
            assertThat(directory.resolve("stamina.mv.db")).doesNotExist();
        } finally {
            mongo.close();
        }
    }
}
