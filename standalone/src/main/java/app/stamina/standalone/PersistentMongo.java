package app.stamina.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * A MongoDB-protocol server (mongo-java-server) inside this JVM, keeping its data in one H2 MVStore file. The server
 * ignores write concerns and MVStore commits about once a second, so this backend commits after every write
 * command: an acknowledged write survives a kill. Retention 0 keeps the file from growing with old versions.
 */
final class PersistentMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PersistentMongo.class);
    static final String DATABASE = "stamina";

    private final MongoServer server;
    private final String uri;

    private PersistentMongo(MongoServer server, String uri) {
        this.server = server;
        this.uri = uri;
    }

    static PersistentMongo start(Path directory) {
        try {
            Files.createDirectories(directory);
            MVStore store = new MVStore.Builder().fileName(directory.resolve("stamina.mv.db").toString()).open();
            store.setRetentionTime(0);
            MongoServer server = new MongoServer(new CommittingH2Backend(store));
            InetSocketAddress address = server.bind();
            String uri = "mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE;
            log.info("MongoDB-protocol server ready at {} with its data in {}", uri, directory);
            return new PersistentMongo(server, uri);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the MongoDB-protocol server in " + directory, e);
        }
    }

    String uri() {
        return uri;
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** Commits the MVStore after each command that changes data, before the client hears it succeeded. */
    static final class CommittingH2Backend extends H2Backend {

        private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
                "createindexes", "drop", "dropdatabase", "dropindexes", "create", "renamecollection");

        CommittingH2Backend(MVStore store) {
            super(store);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            Document result = super.handleCommand(channel, databaseName, command, query);
            if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                commit();
            }
            return result;
        }
    }
}
