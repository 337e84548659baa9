package app.stamina.command.relay;

import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.envelope.Topics;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the topic already holds at its end, read once when the relay starts: the highest version per athlete among
 * the last records of each partition. A crash between Kafka's acknowledgement and the token's commit makes the relay
 * send its last batch again; those events are found here and skipped, so the topic holds each event once.
 */
@Component
public class RelayedTail {

    private static final Logger log = LoggerFactory.getLogger(RelayedTail.class);

    private final KafkaProperties kafka;
    private final ObjectMapper json;
    private final int depth;
    private volatile Map<String, Long> highestVersions;

    public RelayedTail(KafkaProperties kafka, ObjectMapper json, @Value("${stamina.relay.dedup-depth}") int depth) {
        this.kafka = kafka;
        this.json = json;
        this.depth = depth;
    }

    public boolean alreadyRelayed(String athleteId, long version) {
        return version <= highestVersions().getOrDefault(athleteId, 0L);
    }

    private Map<String, Long> highestVersions() {
        Map<String, Long> known = highestVersions;
        if (known == null) {
            synchronized (this) {
                if (highestVersions == null) {
                    highestVersions = readTail();
                }
                known = highestVersions;
            }
        }
        return known;
    }

    private Map<String, Long> readTail() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<String, Long> highest = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(Topics.EVENTS, Duration.ofSeconds(30));
            if (partitions == null || partitions.isEmpty()) {
                return highest;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(assigned);
            ends.forEach((partition, end) -> consumer.seek(partition, Math.max(begins.get(partition), end - depth)));
            long read = 0;
            while (assigned.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    try {
                        EventEnvelope envelope = EventEnvelope.read(record.value(), json);
                        highest.merge(envelope.athleteId().value(), envelope.version(), Math::max);
                    } catch (EventEnvelope.UnreadableEvent unreadable) {
                        log.warn("skipping an unreadable record at {}-{}@{}", record.topic(), record.partition(),
                                record.offset());
                    }
                }
            }
            log.info("relay resumes after reading the last {} records of {}", read, Topics.EVENTS);
        }
        return highest;
    }
}
