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
import java.nio.file.Path;
import java.util.Map;

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
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedServers", Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "spring.data.mongodb.uri", mongo.uri(),
                "stamina.security.jwt.hmac-key-file", dataDir.resolve("security/jwt-hs256.key").toString())));
        // Registered before any bean, so destroyed after all of them.
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("embeddedServers", this);
    }

    @Override
    public void destroy() throws IOException {
        mongo.close();
        kafka.close();
        postgres.close();
    }
}
