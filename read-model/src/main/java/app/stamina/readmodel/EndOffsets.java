package app.stamina.readmodel;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where partitions of the topic end, asked of the broker by an admin client with a connection of its own. A
 * consumer's own {@code endOffsets} goes down the connection its fetches use, and a broker answers each connection's
 * requests one after another: while the consumer's next fetch waits at the broker (up to {@code fetch.max.wait.ms},
 * 500 ms) for a partition with nothing new, the question waits behind it. Asked after every batch, that held a
 * read side to about two batches a second whenever some of its partitions were read to the end and others not (the
 * last seconds of a rebuild or of a catch-up).
 */
public final class EndOffsets implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Admin admin;

    public EndOffsets(Map<String, Object> adminProperties) {
        this.admin = Admin.create(adminProperties);
    }

    /** The end of each partition: the offset the next event written to it will have. */
    public Map<TopicPartition, Long> of(Collection<TopicPartition> partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        return list(admin, partitions, OffsetSpec.latest()).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The offset {@code spec} names in each partition, as {@code admin} lists them. */
    public static KafkaFuture<Map<TopicPartition, Long>> list(Admin admin, Collection<TopicPartition> partitions,
                                                              OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec));
        return admin.listOffsets(request).all().thenApply(listed -> {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            listed.forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        });
    }

    @Override
    public void close() {
        admin.close(TIMEOUT);
    }
}
