package app.stamina.readmodel;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer settings every read side starts with, and that the operator's own settings win over them. */
class BatchListenersTest {

    @Test
    void aReadSideDetectsACrashedMemberInSecondsAndWaitsBrieflyForIdlePartitions() {
        Map<String, Object> consumer = settings(new KafkaProperties());

        assertThat(consumer).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_333)
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    }

    @Test
    void theOperatorsSettingsWin() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getConsumer().setFetchMaxWait(Duration.ofMillis(400));
        kafka.getConsumer().getProperties().put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "45000");

        Map<String, Object> consumer = settings(kafka);

        assertThat(consumer).containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 400)
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "45000")
                .doesNotContainKey(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG);
    }

    private static Map<String, Object> settings(KafkaProperties kafka) {
        return ReadModelConfiguration.batchListeners(kafka, 1).getConsumerFactory().getConfigurationProperties();
    }
}
