package app.stamina.standalone;

import com.mongodb.MongoWriteException;
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
