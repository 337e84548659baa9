package app.stamina.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What every read side sets up the same way: its MongoDB database, documents in the JSON form, batch consumers,
 * and a 503 when MongoDB cannot be reached.
 */
@Configuration(proxyBeanMethods = false)
@Import(ReadStoreProblems.class)
public class ReadModelConfiguration {

    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FETCH_MAX_WAIT = Duration.ofMillis(50);

    /**
     * How long the driver looks for a MongoDB server (or waits to connect) before it gives up: a read then answers 503
     * at once instead of hanging for the driver's default 30 s, and a projection's batch fails and is retried.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer readStoreTimeouts(@Value("${stamina.mongodb.timeout:2s}") Duration timeout) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    MongoDatabase staminaDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    @Bean
    MongoJson mongoJson(ObjectMapper json) {
        return new MongoJson(json);
    }

    /** Dead letters go out with the producer settings of the events themselves (acks=all, idempotent). */
    @Bean
    DeadLetters deadLetters(KafkaProperties kafka) {
        KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.buildProducerProperties(null),
                new StringSerializer(), new StringSerializer());
        return new DeadLetters(producer);
    }

    /** Where the topic's partitions end, for the lag of every read side in this process. */
    @Bean(destroyMethod = "close")
    EndOffsets endOffsets(KafkaProperties kafka) {
        return new EndOffsets(kafka.buildAdminProperties(null));
    }

    @Bean
    NewTopic deadLetterTopic() {
        return TopicBuilder.name(DeadLetters.TOPIC).partitions(1).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /**
     * A read side's consumers: batches of up to {@code max-poll-records} events, offsets committed after the listener
     * returns, that is after the read models were written. A failing batch (MongoDB down) is retried until it
     * succeeds: nothing is skipped.
     * <p>
     * When a consumer's process dies, its partitions wait for its session to time out before the group hands them
     * to another member, or to the same process started again: 10 s here rather than Kafka's 45 s, unless
     * {@code spring.kafka.consumer.properties.session.timeout.ms} says otherwise, so that a crash holds up the read
     * models for seconds, not most of a minute.
     * <p>
     * A consumer has one fetch at a time in flight to a broker, for the partitions it holds no records of, and the
     * broker keeps a fetch that finds nothing new for up to {@code fetch.max.wait.ms}. While some of a consumer's
     * partitions are read to the end and others not (the last seconds of a rebuild or of a catch-up), each fetch
     * that brings the next records of the busy ones waits out the one before it, for the idle ones: 50 ms here rather
     * than Kafka's 500 ms, unless {@code spring.kafka.consumer.fetch-max-wait} says otherwise. An idle consumer asks
     * twenty times a second instead of twice.
     */
    public static ConcurrentKafkaListenerContainerFactory<String, String> batchListeners(KafkaProperties kafka,
                                                                                       int concurrency) {
        Map<String, Object> consumer = kafka.buildConsumerProperties(null);
        if (!consumer.containsKey(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)) {
            consumer.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis());
            consumer.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis() / 3);
        }
        consumer.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) FETCH_MAX_WAIT.toMillis());
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer,
                new StringDeserializer(), new StringDeserializer()));
        factory.setBatchListener(true);
        factory.setConcurrency(concurrency);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        return factory;
    }
}
