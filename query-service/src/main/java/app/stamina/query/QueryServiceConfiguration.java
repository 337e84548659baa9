package app.stamina.query;

import app.stamina.edge.EdgeConfiguration;
import app.stamina.query.athlete.AthleteViews;
import app.stamina.query.projection.ForgetWrittenOnRebalance;
import app.stamina.readmodel.ReadModelConfiguration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * The read side as a library: a Kafka consumer group that keeps the athletes' read models in MongoDB, and the
 * query API that serves them. A thin main runs it alone; {@code standalone} composes it with the others.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import({EdgeConfiguration.class, ReadModelConfiguration.class})
@PropertySource("classpath:stamina-query-defaults.properties")
public class QueryServiceConfiguration {

    /**
     * The query service's consumer group, {@code stamina.query.concurrency} threads, which forget the athlete
     * documents they wrote whenever partitions move.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> queryListenerFactory(
            KafkaProperties kafka, @Value("${stamina.query.concurrency}") int concurrency, AthleteViews athletes) {
        ConcurrentKafkaListenerContainerFactory<String, String> factory = ReadModelConfiguration.batchListeners(kafka, concurrency);
        factory.getContainerProperties().setConsumerRebalanceListener(new ForgetWrittenOnRebalance(athletes));
        return factory;
    }

    /** How many athlete documents are kept in memory and how much of their bound they take, to size it by. */
    @Bean
    MeterBinder keptAthleteDocuments(AthleteViews athletes) {
        return registry -> {
            Gauge.builder("stamina.query.kept.documents", athletes, AthleteViews::keptDocuments)
                    .description("athlete documents the query side keeps in memory").register(registry);
            Gauge.builder("stamina.query.kept.bytes", athletes, AthleteViews::keptBytes).baseUnit("bytes")
                    .description("stored size of the athlete documents kept in memory, against"
                            + " stamina.query.written-views-memory").register(registry);
        };
    }
}
