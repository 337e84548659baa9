package app.stamina.command.relay;

import app.stamina.api.envelope.Actor;
import app.stamina.api.envelope.EventEnvelope;
import app.stamina.api.envelope.Topics;
import app.stamina.api.event.RehabEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored event to {@link Topics#EVENTS}, keyed by athlete, in stream order. A batch's token is
 * committed only after Kafka acknowledged every event of the batch; if a send fails the batch rolls back and is
 * sent again. Events a crash left acknowledged but unrecorded in the token are recognised by {@link RelayedTail}
 * and not sent twice.
 * <p>
 * An {@link EventMessageHandler} of its own rather than an {@code @EventHandler} method: Axon asks each handler
 * whether it takes an event, and whether it supports a reset, for every event in the coordinator and again in the
 * work package, and for an annotated handler it answered by streaming over its handler methods and their attributes
 * each time, an eighth of the relay's samples while it caught up after a sync. Being no annotated handler, it is
 * registered with Axon by {@code CommandServiceConfiguration}.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
public class KafkaRelay implements EventMessageHandler {

    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final String BATCH = KafkaRelay.class.getName() + ".batch";
    private static final long ACK_TIMEOUT_SECONDS = 60;

    private final ProducerFactory<String, String> producers;
    private final ObjectMapper json;
    private final Serializer eventSerializer;
    private final RelayedTail tail;
    private final Counter relayed;

    public KafkaRelay(ProducerFactory<String, String> producers, ObjectMapper json,
                      @Qualifier("eventSerializer") Serializer eventSerializer, RelayedTail tail, MeterRegistry meters) {
        this.producers = producers;
        this.json = json;
        this.eventSerializer = eventSerializer;
        this.tail = tail;
        this.relayed = Counter.builder("stamina.events.relayed")
                .description("Events published to the Kafka topic and acknowledged")
                .register(meters);
    }

    /**
     * Takes the event's payload as the store holds it (upcast to the current revision, by the serializer that wrote
     * it) rather than reading it into an event, or a tree, and writing it out again: that round trip was most of the
     * relay's work.
     */
    @Override
    public Object handle(EventMessage<?> message) throws Exception {
        DomainEventMessage<?> event = (DomainEventMessage<?>) message;
        String athleteId = event.getAggregateIdentifier();
        long version = event.getSequenceNumber() + 1;
        if (tail.alreadyRelayed(athleteId, version)) {
            return null;
        }
        String payload = event.serializePayload(eventSerializer, String.class).getData();
        Actor actor = StoredActor.read(event.serializeMetaData(eventSerializer, byte[].class).getData(),
                json.getFactory(), event::getMetaData);
        String envelope = EventEnvelope.writeStored(event.getIdentifier(), event.getPayloadType(), athleteId, version,
                event.getTimestamp(), actor, payload, () -> (RehabEvent) event.getPayload(), json);
        batchOf(CurrentUnitOfWork.get()).send(new ProducerRecord<>(Topics.EVENTS, athleteId, envelope));
        return null;
    }

    /** Every stored event of an athlete's program; nothing else is in the store's stream. */
    @Override
    public boolean canHandle(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> && canHandleType(message.getPayloadType());
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return RehabEvent.class.isAssignableFrom(payloadType);
    }

    @Override
    public Class<?> getTargetType() {
        return KafkaRelay.class;
    }

    /**
     * The batch's sends, through one producer taken from the factory for the batch (its shared producer, unless that
     * one failed). {@code KafkaTemplate} took it, and wrapped each send in an observation and a timer, per event: a
     * third of what sending cost the relay.
     */
    private Batch batchOf(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch(producers.createProducer(), new ArrayList<>());
            root.onPrepareCommit(u -> awaitAcknowledgements(batch.sends()));
            root.afterCommit(u -> relayed.increment(batch.sends().size()));
            root.onCleanup(u -> batch.producer().close());
            return batch;
        });
    }

    private record Batch(Producer<String, String> producer, List<CompletableFuture<?>> sends) {

        void send(ProducerRecord<String, String> record) {
            CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    acknowledged.complete(metadata);
                } else {
                    acknowledged.completeExceptionally(failure);
                }
            });
            sends.add(acknowledged);
        }
    }

    private static void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayFailed("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RelayFailed("Kafka did not acknowledge the batch; it will be sent again", e);
        }
    }

    /** The batch could not be published; its token stays where it was. */
    static class RelayFailed extends RuntimeException {

        RelayFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
