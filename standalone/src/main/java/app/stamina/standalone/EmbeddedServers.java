package app.stamina.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Starts the servers of the embedded default before the application context is built, each keeping its data under
 * {@code stamina.data-dir}: PostgreSQL (the event store), a KRaft Kafka broker (the topic) and a MongoDB-protocol
 * server (the read models). A broker or MongoDB server given by its usual setting
 * ({@code spring.kafka.bootstrap-servers}, {@code spring.data.mongodb.uri}) is used instead of an embedded one. The
 * services reach them through their usual settings and drivers, exactly as they reach the real ones in production.
 * They stop after everything else when the application stops. The key that signs the embedded default's own tokens
 * is kept there too.
 */
final class EmbeddedServers implements ApplicationContextInitializer<ConfigurableApplicationContext>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
    private static final String KAFKA = "spring.kafka.bootstrap-servers";
    private static final String MONGODB = "spring.data.mongodb.uri";

    private EmbeddedPostgres postgres;
    private PersistentKafka kafka;
    private PersistentMongo mongo;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Path dataDir = Path.of(environment.getProperty("stamina.data-dir", "./data")).toAbsolutePath().normalize();
        log.info("embedded servers keep their data in {}", dataDir);
        int postgresPort = environment.getProperty("stamina.embedded.postgres-port", Integer.class, 0);
        int httpPort = environment.getProperty("server.port", Integer.class, 8080);
        String bootstrapServers = environment.getProperty(KAFKA);
        String mongoUri = environment.getProperty(MONGODB);
        startAll(dataDir, Ports.choose(dataDir, httpPort, postgresPort, bootstrapServers == null), mongoUri == null);
        Map<String, Object> settings = new HashMap<>(Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "stamina.security.jwt.hmac-key-file", dataDir.resolve("security/jwt-hs256.key").toString()));
        if (kafka != null) {
            bootstrapServers = kafka.bootstrapServers();
            settings.put(KAFKA, bootstrapServers);
        }
        if (mongo != null) {
            mongoUri = mongo.uri();
            settings.put(MONGODB, mongoUri);
            if (mongo.formatChanged()) {
                replayTopic(bootstrapServers, environment);
            }
        }
        writeEndpoints(dataDir.resolve("endpoints.properties"), bootstrapServers, mongoUri);
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedServers", settings));
        // Registered before any bean, so destroyed after all of them.
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("embeddedServers", this);
    }

    /**
     * The ports of the embedded servers, found before any of them starts. They start side by side, and a server that
     * binds port 0, or a port found free a moment before, can take the port another is about to bind: the broker's
     * ports, kept across restarts, are free until it binds them again, and so is the HTTP port until the web server
     * binds it, after these servers are up. So PostgreSQL's (unless given) and MongoDB's are found together, apart
     * from the broker's and the HTTP port. The broker's are null when a broker of its own is given.
     */
    private record Ports(int postgres, int mongo, PersistentKafka.Ports kafka) {

        static Ports choose(Path dataDir, int httpPort, int givenPostgresPort, boolean withKafka) {
            Set<Integer> promised = new HashSet<>(List.of(httpPort, givenPostgresPort));
            PersistentKafka.Ports kafka = null;
            if (withKafka) {
                try {
                    kafka = PersistentKafka.ports(dataDir.resolve("kafka"), promised);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not keep the embedded broker's ports in " + dataDir, e);
                }
                promised.addAll(kafka.both());
            }
            int[] free = FreePorts.otherThan(promised, 2);
            return new Ports(givenPostgresPort > 0 ? givenPostgresPort : free[0], free[1], kafka);
        }
    }

    /**
     * Starts the servers side by side: they do not depend on each other, and most of each start is waiting (for
     * {@code initdb}, for the broker's controller), so the slowest decides, not their sum. If one fails, those that
     * started are stopped again and the first failure is thrown. The broker starts if {@code ports} hold its ports,
     * the MongoDB-protocol server if {@code withMongo}.
     */
    private void startAll(Path dataDir, Ports ports, boolean withMongo) {
        ThreadFactory threads = Thread.ofPlatform().name("embedded-start-", 0).factory();
        try (ExecutorService starts = Executors.newThreadPerTaskExecutor(threads)) {
            Future<EmbeddedPostgres> postgresStart =
                    starts.submit(() -> PersistentPostgres.start(dataDir.resolve("postgres"), ports.postgres()));
            Future<PersistentKafka> kafkaStart = ports.kafka() == null ? null
                    : starts.submit(() -> PersistentKafka.start(dataDir.resolve("kafka"), ports.kafka()));
            Future<PersistentMongo> mongoStart = withMongo
                    ? starts.submit(() -> PersistentMongo.start(dataDir.resolve("mongo"), ports.mongo())) : null;
            List<RuntimeException> failures = new ArrayList<>();
            postgres = await(postgresStart, "PostgreSQL", failures);
            kafka = await(kafkaStart, "Kafka", failures);
            mongo = await(mongoStart, "MongoDB", failures);
            if (!failures.isEmpty()) {
                RuntimeException failure = failures.getFirst();
                failures.stream().skip(1).forEach(failure::addSuppressed);
                try {
                    destroy();
                } catch (IOException | RuntimeException e) {
                    failure.addSuppressed(e);
                }
                throw failure;
            }
        }
    }

    /** The started server, or null (and the failure noted) if it was not to be started or could not start. */
    private static <T> T await(Future<T> start, String server, List<RuntimeException> failures) {
        if (start == null) {
            return null;
        }
        try {
            return start.get();
        } catch (ExecutionException | InterruptedException e) {
            failures.add(startFailed(server, e));
            return null;
        }
    }

    private static RuntimeException startFailed(String server, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        return cause instanceof RuntimeException runtime ? runtime
                : new IllegalStateException("the embedded " + server + " did not start", cause);
    }

    /** The read models were dropped: their consumer groups start again from the beginning of the topic. */
    private static void replayTopic(String bootstrapServers, ConfigurableEnvironment environment) {
        List<String> groups = List.of(environment.getProperty("stamina.query.consumer-group", "stamina-query"),
                environment.getProperty("stamina.analytics.consumer-group", "stamina-analytics"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).collect(Collectors.toSet());
            List<String> toReplay = groups.stream().filter(existing::contains).toList();
            admin.deleteConsumerGroups(toReplay).all().get(30, TimeUnit.SECONDS);
            log.warn("consumer groups {} start again from the beginning of the topic to rebuild the read models", toReplay);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not reset the read sides' consumer groups", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting the read sides' consumer groups", e);
        }
    }

    /**
     * Where the servers listen, for tools beside the process (the benchmark harness, {@code backup}):
     * {@code postgres.url}, {@code kafka.bootstrap-servers}, {@code mongodb.uri}. Rewritten at each start.
     */
    private void writeEndpoints(Path file, String bootstrapServers, String mongoUri) {
        Properties endpoints = new Properties();
        endpoints.setProperty("postgres.url", postgres.getJdbcUrl("postgres", "postgres"));
        endpoints.setProperty("postgres.user", "postgres");
        endpoints.setProperty("kafka.bootstrap-servers", bootstrapServers);
        endpoints.setProperty("mongodb.uri", mongoUri);
        try (Writer out = Files.newBufferedWriter(file)) {
            endpoints.store(out, "where this process's embedded servers listen");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    @Override
    public void destroy() throws IOException {
        if (mongo != null) {
            mongo.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
