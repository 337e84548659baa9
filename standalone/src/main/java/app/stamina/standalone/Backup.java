package app.stamina.standalone;

import app.stamina.command.store.EventStoreSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Backs up what cannot be rebuilt, and restores it into a fresh data directory. That is the event store (every
 * event and the first answer to every client write, read in one consistent snapshot while Stamina runs) and the keys
 * (the token key and the key behind export pseudonyms). Snapshots, the relay's position, the topic and the read
 * models are not kept: a restored Stamina relays every event to a new topic, and the read models rebuild from it.
 * <pre>
 * java -jar stamina-standalone.jar backup --data-dir ./data --to ./backup
 * java -jar stamina-standalone.jar restore --from ./backup --data-dir ./restored
 * </pre>
 */
final class Backup {

    private static final List<String> TABLES = List.of(EventStoreSchema.EVENTS, EventStoreSchema.CLIENT_WRITES);
    private static final List<String> KEYS = List.of("security/jwt-hs256.key", "security/pseudonym.key");
    private static final String MANIFEST = "backup.properties";

    private final PrintStream out;

    Backup(PrintStream out) {
        this.out = out;
    }

    /** {@code backup --data-dir DIR --to DIR} or {@code restore --from DIR --data-dir DIR}; answers the exit status. */
    static int main(String[] args, PrintStream out) {
        try {
            String command = args[0];
            Path dataDir = Path.of(option(args, "--data-dir", "./data"));
            if (command.equals("backup")) {
                new Backup(out).backUp(dataDir, Path.of(option(args, "--to", null)));
            } else {
                new Backup(out).restore(Path.of(option(args, "--from", null)), dataDir);
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            out.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return fallback;
    }

    /** Copies the event store of the Stamina running on {@code dataDir} (from its endpoints file) into {@code target}. */
    void backUp(Path dataDir, Path target) {
        Properties endpoints = properties(dataDir.resolve("endpoints.properties"));
        try (Connection connection = DriverManager.getConnection(endpoints.getProperty("postgres.url"),
                endpoints.getProperty("postgres.user"), "")) {
            Files.createDirectories(target);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Properties manifest = new Properties();
            for (String table : TABLES) {
                try (Writer file = gzipWriter(target.resolve(table + ".csv.gz"))) {
                    long rows = copy.copyOut("COPY " + table + " TO STDOUT WITH (FORMAT csv, HEADER)", file);
                    manifest.setProperty(table + ".rows", Long.toString(rows));
                    out.printf("backed up %d rows of %s%n", rows, table);
                }
            }
            connection.commit();
            copyKeys(dataDir, target);
            manifest.setProperty("taken-at", Instant.now().toString());
            try (OutputStream file = Files.newOutputStream(target.resolve(MANIFEST))) {
                manifest.store(file, "a backup of Stamina's event store");
            }
            out.println("backup of " + dataDir + " written to " + target);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the backup to " + target, e);
        }
    }

    /** Loads a backup into a new data directory, which must not hold anything yet. */
    void restore(Path source, Path dataDir) {
        Properties manifest = properties(source.resolve(MANIFEST));
        if (Files.exists(dataDir) && !isEmpty(dataDir)) {
            throw new IllegalArgumentException(dataDir + " is not empty: restore into a new data directory");
        }
        try (EmbeddedPostgres postgres = PersistentPostgres.start(dataDir.resolve("postgres"), FreePorts.any())) {
            EventStoreSchema.create(postgres.getPostgresDatabase());
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                connection.setAutoCommit(false);
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (String table : TABLES) {
                    try (Reader file = gzipReader(source.resolve(table + ".csv.gz"))) {
                        long rows = copy.copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER)", file);
                        long expected = Long.parseLong(manifest.getProperty(table + ".rows", "-1"));
                        if (rows != expected) {
                            throw new IllegalStateException(table + " holds " + rows + " rows, the backup says " + expected);
                        }
                        out.printf("restored %d rows of %s%n", rows, table);
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    // New events continue the global order after the restored ones.
                    statement.execute("SELECT setval(pg_get_serial_sequence('" + EventStoreSchema.EVENTS
                            + "', 'globalindex'), COALESCE((SELECT max(globalindex) FROM " + EventStoreSchema.EVENTS
                            + "), 0) + 1, false)");
                }
                connection.commit();
            }
            copyKeys(source, dataDir);
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the event store: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not restore into " + dataDir, e);
        }
        out.println("restored the backup taken at " + manifest.getProperty("taken-at") + " into " + dataDir
                + "; start Stamina on it: it relays every event again and the read models rebuild");
    }

    private static void copyKeys(Path from, Path to) throws IOException {
        for (String key : KEYS) {
            if (Files.exists(from.resolve(key))) {
                Files.createDirectories(to.resolve(key).getParent());
                Files.copy(from.resolve(key), to.resolve(key), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties properties(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no " + file);
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return properties;
    }

    private static Writer gzipWriter(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
                StandardCharsets.UTF_8));
    }

    private static Reader gzipReader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8));
    }
}
