package app.stamina.analytics;

import app.stamina.edge.EdgeConfiguration;
import app.stamina.readmodel.MongoJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.common.serialization.StringDeserializer;
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
 * Analytics as a library: a consumer group that keeps per-athlete research facts in MongoDB, and the cohort and
 * export API over them. A thin main runs it alone; {@code standalone} composes it with the others.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import(EdgeConfiguration.class)
@PropertySource("classpath:stamina-analytics-defaults.properties")
public class AnalyticsConfiguration {

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

    /** Batches whose offsets are committed after the facts are written; a failing batch is retried, never skipped. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> analyticsListenerFactory(
            KafkaProperties kafka, @Value("${stamina.analytics.concurrency}") int concurrency) {
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(null),
                new StringDeserializer(), new StringDeserializer()));
        factory.setBatchListener(true);
        factory.setConcurrency(concurrency);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        return factory;
    }
}
