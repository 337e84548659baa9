package app.stamina.standalone;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Kafka broker (KRaft, one node that is broker and controller) inside this JVM, its log under one directory
 * so that it survives restarts. The directory is formatted once; its ports are chosen once and kept beside it.
 */
final class PersistentKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PersistentKafka.class);
    private static final Duration READY = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private PersistentKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** On the ports kept beside its log, chosen now if it has none yet. */
    static PersistentKafka start(Path directory) {
        try {
            return start(directory, ports(directory, Set.of()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka in " + directory, e);
        }
    }

    /** On {@code ports}, those {@link #ports} keeps for {@code directory}. */
    static PersistentKafka start(Path directory, Ports ports) {
        try {
            Path logDir = directory.resolve("log");
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(logDir);
            }
            String broker = "127.0.0.1:" + ports.broker();
            String controller = "127.0.0.1:" + ports.controller();
            Properties config = new Properties();
            config.put("process.roles", "broker,controller");
            config.put("node.id", "1");
            config.put("controller.quorum.voters", "1@" + controller);
            config.put("listeners", "PLAINTEXT://" + broker + ",CONTROLLER://" + controller);
            config.put("advertised.listeners", "PLAINTEXT://" + broker);
            config.put("controller.listener.names", "CONTROLLER");
            config.put("inter.broker.listener.name", "PLAINTEXT");
            config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            config.put("log.dirs", logDir.toString());
            config.put("num.partitions", "4");
            config.put("auto.create.topics.enable", "false");
            config.put("offsets.topic.replication.factor", "1");
            config.put("offsets.topic.num.partitions", "4");
            config.put("transaction.state.log.replication.factor", "1");
            config.put("transaction.state.log.min.isr", "1");
            config.put("group.initial.rebalance.delay.ms", "0");
            // The log cleaner (it compacts the consumer groups' offsets; the events topic is never compacted)
            // allocates its whole dedupe buffer on the heap at start: 128 MB by default, a quarter of a 512 MB heap,
            // for a map of the keys of one cleaning pass. 8 MB holds some 300,000 keys, far more than the offsets
            // topic of a few consumer groups has.
            config.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
            // After a kill -9 the new broker need not wait long for its old registration to expire.
            config.put("broker.session.timeout.ms", "1500");
            config.put("broker.heartbeat.interval.ms", "500");
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
            server.startup();
            PersistentKafka kafka = new PersistentKafka(server, broker);
            kafka.awaitReady();
            log.info("Kafka broker ready at {} with its log in {}", broker, logDir);
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka in " + directory, e);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Kafka did not come up within " + READY, notYet);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while Kafka started", e);
                }
            }
        }
    }

    private static void format(Path logDir) {
        try {
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format the Kafka log directory " + logDir, e);
        }
    }

    /**
     * The broker's and controller's ports, kept in {@code ports.properties} beside the log: chosen free on first start
     * (apart from {@code promised}, ports other servers are to bind), the same ever after.
     */
    static Ports ports(Path directory, Set<Integer> promised) throws IOException {
        Path file = directory.resolve("ports.properties");
        Properties kept = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                kept.load(in);
            }
            return new Ports(Integer.parseInt(kept.getProperty("broker")),
                    Integer.parseInt(kept.getProperty("controller")));
        }
        int[] chosen = FreePorts.otherThan(promised, 2);
        kept.setProperty("broker", Integer.toString(chosen[0]));
        kept.setProperty("controller", Integer.toString(chosen[1]));
        Files.createDirectories(directory);
        try (OutputStream out = Files.newOutputStream(file)) {
            kept.store(out, "Ports of the embedded Kafka broker, kept across restarts");
        }
        return new Ports(chosen[0], chosen[1]);
    }

    record Ports(int broker, int controller) {

        Set<Integer> both() {
            return Set.of(broker, controller);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
