package app.stamina.readmodel;

import app.stamina.api.envelope.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

/**
 * Where a message that is not a readable event goes: the dead-letter topic {@value #TOPIC}, unchanged, with
 * headers saying which consumer gave up on it, why, and where it came from. It is sent (and acknowledged) before the
 * consumer's offset moves past it, so nothing is dropped silently; the consumer keeps going.
 */
public class DeadLetters implements AutoCloseable {

    public static final String TOPIC = Topics.EVENTS + ".dlt";
    public static final String CONSUMER = "stamina-dlt-consumer";
    public static final String REASON = "stamina-dlt-reason";
    public static final String SOURCE = "stamina-dlt-source";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final Producer<String, String> producer;

    public DeadLetters(Producer<String, String> producer) {
        this.producer = producer;
    }

    public void send(ConsumerRecord<String, String> record, String consumer, String reason) {
        String source = record.topic() + "-" + record.partition() + "@" + record.offset();
        log.error("dead letter from {}: {} is not a readable event ({}); sent to {}", consumer, source, reason, TOPIC);
        RecordHeaders headers = new RecordHeaders();
        headers.add(CONSUMER, consumer.getBytes(StandardCharsets.UTF_8));
        headers.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE, source.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(new ProducerRecord<>(TOPIC, null, record.key(), record.value(), headers)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a dead letter", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send a dead letter to " + TOPIC, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
