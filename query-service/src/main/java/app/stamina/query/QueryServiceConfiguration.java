package app.stamina.query;

import app.stamina.edge.EdgeConfiguration;
import app.stamina.query.timeline.Timeline;
import app.stamina.readmodel.MongoJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The read side as a library: a Kafka consumer group that keeps the athletes' read models in MongoDB, and the
 * query API that serves them. A thin main runs it alone; {@code standalone} composes it with the others.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import(EdgeConfiguration.class)
@PropertySource("classpath:stamina-query-defaults.properties")
public class QueryServiceConfiguration {

    @Bean
    @ConditionalOnMissingBean(MongoDatabase.class)
    MongoDatabase staminaDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    @Bean
    @ConditionalOnMissingBean(MongoJson.class)
    MongoJson mongoJson(ObjectMapper json) {
        return new MongoJson(json);
    }

    /**
     * Batches of up to {@code max-poll-records} events; offsets are committed after the listener returns, that is
     * after the read models were written. A failing batch (MongoDB down) is retried until it succeeds: nothing is
     * skipped.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> queryListenerFactory(
            KafkaProperties kafka, @Value("${stamina.query.concurrency}") int concurrency) {
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(null),
                new StringDeserializer(), new StringDeserializer()));
        factory.setBatchListener(true);
        factory.setConcurrency(concurrency);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        return factory;
    }

    @Bean
    SmartInitializingSingleton readModelIndexes(Timeline timeline) {
        return timeline::createIndexes;
    }
}
