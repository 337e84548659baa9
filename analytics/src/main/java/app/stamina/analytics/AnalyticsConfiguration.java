package app.stamina.analytics;

import app.stamina.edge.EdgeConfiguration;
import app.stamina.readmodel.ReadModelConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * Analytics as a library: a consumer group that keeps per-athlete research facts in MongoDB, and the cohort and
 * export API over them. A thin main runs it alone; {@code standalone} composes it with the others.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import({EdgeConfiguration.class, ReadModelConfiguration.class})
@PropertySource("classpath:stamina-analytics-defaults.properties")
public class AnalyticsConfiguration {

    /** Analytics' consumer group, {@code stamina.analytics.concurrency} threads. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> analyticsListenerFactory(
            KafkaProperties kafka, @Value("${stamina.analytics.concurrency}") int concurrency) {
        return ReadModelConfiguration.batchListeners(kafka, concurrency);
    }
}
