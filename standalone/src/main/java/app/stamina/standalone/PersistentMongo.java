package app.stamina.standalone;

import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A MongoDB-protocol server (mongo-java-server) inside this JVM, keeping its data in one H2 MVStore file that
 * {@link BsonH2Backend} commits after every write and only between whole writes, so an acknowledged write survives a
 * kill and a kill leaves no write half done. The file's name carries the storage format: read models kept in an older
 * format are dropped at start, and the caller rebuilds them from the topic.
 */
final class PersistentMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PersistentMongo.class);
    static final String DATABASE = "stamina";
    /** Documents and index keys as BSON, timelines in pages. */
    private static final String STORE_FILE = "read-models-v2.mv.db";

    private final MongoServer server;
    private final String uri;
    private final boolean formatChanged;

    private PersistentMongo(MongoServer server, String uri, boolean formatChanged) {
        this.server = server;
        this.uri = uri;
        this.formatChanged = formatChanged;
    }

    static PersistentMongo start(Path directory) {
        return start(directory, 0);
    }

    /** On {@code port}, or a free one for 0. */
    static PersistentMongo start(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            boolean formatChanged = dropOlderFormats(directory);
            MongoServer server = new MongoServer(BsonH2Backend.open(directory.resolve(STORE_FILE)));
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            InetSocketAddress address = server.getLocalAddress();
            String uri = "mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE;
            log.info("MongoDB-protocol server ready at {} with its data in {}", uri, directory);
            return new PersistentMongo(server, uri, formatChanged);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the MongoDB-protocol server in " + directory, e);
        }
    }

    private static boolean dropOlderFormats(Path directory) throws IOException {
        List<Path> older;
        try (Stream<Path> files = Files.list(directory)) {
            older = files.filter(file -> file.getFileName().toString().endsWith(".mv.db"))
                    .filter(file -> !file.getFileName().toString().equals(STORE_FILE)).toList();
        }
        for (Path file : older) {
            log.warn("read models in {} are kept in an older format: dropping them, they are rebuilt from the topic", file);
            Files.delete(file);
        }
        return !older.isEmpty();
    }

    String uri() {
        return uri;
    }

    /** Whether read models of an older format were dropped at start, so the read sides must replay the topic. */
    boolean formatChanged() {
        return formatChanged;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
