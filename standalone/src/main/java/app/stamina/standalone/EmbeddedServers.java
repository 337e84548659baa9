package app.stamina.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.Map;
import java.util.Properties;

/**
 * Starts the servers of the embedded default before the application context is built, each keeping its data under
 * {@code stamina.data-dir}: PostgreSQL (the event store), a KRaft Kafka broker (the topic) and a MongoDB-protocol
 * server (the read models). The services reach them through their usual settings and drivers, exactly as they
 * reach the real ones in production. They stop after everything else when the application stops. The key that
 * signs the embedded default's own tokens is kept there too.
 */
final class EmbeddedServers implements ApplicationContextInitializer<ConfigurableApplicationContext>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);

    private EmbeddedPostgres postgres;
    private PersistentKafka kafka;
    private PersistentMongo mongo;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Path dataDir = Path.of(environment.getProperty("stamina.data-dir", "./data")).toAbsolutePath().normalize();
        log.info("embedded servers keep their data in {}", dataDir);
        int postgresPort = environment.getProperty("stamina.embedded.postgres-port", Integer.class, 0);
        postgres = PersistentPostgres.start(dataDir.resolve("postgres"), postgresPort);
        kafka = PersistentKafka.start(dataDir.resolve("kafka"));
        mongo = PersistentMongo.start(dataDir.resolve("mongo"));
        writeEndpoints(dataDir.resolve("endpoints.properties"));
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedServers", Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "spring.data.mongodb.uri", mongo.uri(),
                "stamina.security.jwt.hmac-key-file", dataDir.resolve("security/jwt-hs256.key").toString())));
        // Registered before any bean, so destroyed after all of them.
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("embeddedServers", this);
    }

    /**
     * Where the embedded servers listen, for tools beside the process (the benchmark harness, a backup with
     * pg_dump): {@code postgres.url}, {@code kafka.bootstrap-servers}, {@code mongodb.uri}. Rewritten at each start.
     */
    private void writeEndpoints(Path file) {
        Properties endpoints = new Properties();
        endpoints.setProperty("postgres.url", postgres.getJdbcUrl("postgres", "postgres"));
        endpoints.setProperty("postgres.user", "postgres");
        endpoints.setProperty("kafka.bootstrap-servers", kafka.bootstrapServers());
        endpoints.setProperty("mongodb.uri", mongo.uri());
        try (Writer out = Files.newBufferedWriter(file)) {
            endpoints.store(out, "where this process's embedded servers listen");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    @Override
    public void destroy() throws IOException {
        mongo.close();
        kafka.close();
        postgres.close();
    }
}
