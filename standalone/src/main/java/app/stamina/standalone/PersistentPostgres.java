package app.stamina.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL server whose data lives in one directory and survives restarts and crashes. zonky's defaults
 * are for throwaway test databases (no fsync), so durability is switched back on; and a server left running by a
 * process that was killed is stopped before a new one starts on the same directory.
 */
final class PersistentPostgres {

    private static final Logger log = LoggerFactory.getLogger(PersistentPostgres.class);
    private static final Duration ORPHAN_SHUTDOWN = Duration.ofSeconds(30);

    private PersistentPostgres() {
    }

    /** On {@code port}, which the caller found free. */
    static EmbeddedPostgres start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphan(dataDirectory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * After a kill -9 of the JVM, its postgres child keeps running with a valid {@code postmaster.pid}. Stop it if it
     * serves our directory; a pid file whose process is gone is stale and removed.
     */
    private static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid = lines.isEmpty() ? -1 : parsePid(lines.get(0));
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            log.info("removing the stale {} (process {} is gone)", pidFile, pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("PostgreSQL {} from an earlier run still serves {}; stopping it", pid, dataDirectory);
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        Instant deadline = Instant.now().plus(ORPHAN_SHUTDOWN);
        while (Files.exists(pidFile) && Instant.now().isBefore(deadline)) {
            sleep();
        }
        if (Files.exists(pidFile)) {
            throw new IllegalStateException("PostgreSQL " + pid + " did not stop within " + ORPHAN_SHUTDOWN);
        }
    }

    private static long parsePid(String line) {
        try {
            return Long.parseLong(line.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL to stop", e);
        }
    }
}
