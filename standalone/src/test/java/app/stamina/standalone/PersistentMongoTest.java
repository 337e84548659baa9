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
