package app.stamina.standalone;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.embedded.EmbeddedChannel;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server's store is committed only between whole write commands: a kill can land at any commit, and a
 * commit taken in the middle of another thread's write kept a document without its index entry.
 */
class BsonH2BackendTest {

    private static final String DATABASE = "stamina";

    @TempDir
    Path directory;

    @Test
    void aWriteIsAcknowledgedOnlyOnceNoOtherWriteIsHalfDone() throws Exception {
        Path file = directory.resolve("store.mv.db");
        BsonH2Backend backend = BsonH2Backend.open(file);
        insert(backend, "held", "first");
        insert(backend, "other", "first");
        MongoCollection<?> held = backend.resolveDatabase(DATABASE).resolveCollection("held", true);

        Thread heldWrite;
        Thread otherWrite;
        synchronized (held) {
            // The write to "held" starts its command and waits inside it for the collection.
            heldWrite = Thread.ofPlatform().start(() -> insert(backend, "held", "second"));
            await(() -> heldWrite.getState() == Thread.State.BLOCKED, "the write to held waits inside its command");

            // The write to "other" is done with its command, but may not commit it while "held" is half written.
            otherWrite = Thread.ofPlatform().start(() -> insert(backend, "other", "second"));
            MVMap<Object, Object> others = backend.getMvStore().openMap("databases." + DATABASE + ".other");
            await(() -> others.size() == 2 && otherWrite.getState() == Thread.State.WAITING,
                    "the write to other has written its document and waits to commit");
            assertThat(otherWrite.isAlive()).as("other's write is not acknowledged yet").isTrue();
            assertThat(backend.getMvStore().hasUnsavedChanges()).as("other's write is not committed yet").isTrue();
        }
        heldWrite.join(Duration.ofSeconds(10));
        otherWrite.join(Duration.ofSeconds(10));
        assertThat(heldWrite.isAlive() || otherWrite.isAlive()).as("both writes acknowledged").isFalse();
        assertThat(backend.getMvStore().hasUnsavedChanges()).as("both committed").isFalse();
        backend.close();

        BsonH2Backend reopened = BsonH2Backend.open(file);
        try {
            for (String collection : List.of("held", "other")) {
                assertThat(reopened.resolveDatabase(DATABASE).resolveCollection(collection, true).count())
                        .as("documents in %s after a restart", collection).isEqualTo(2);
            }
        } finally {
            reopened.close();
        }
    }

    private static void insert(BsonH2Backend backend, String collection, String id) {
        Document result = backend.handleCommand(new EmbeddedChannel(), DATABASE, "insert",
                new Document("insert", collection).append("documents", List.of(new Document("_id", id))));
        assertThat(result.get("n")).isEqualTo(1);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(10);
        }
    }
}
