package app.stamina.command.relay;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.Map;

/**
 * A correlation data provider that gives its data for commands only, for the events they apply. Axon asks every
 * provider again in the relay's unit of work, for each event it relays, though nothing the relay does takes it: the
 * relay sends on to Kafka, not through Axon, and Axon drops the result it wraps that data in. Asking meant reading
 * the event's metadata, an eighth of the relay's samples while it caught up after a sync.
 */
public record CommandsOnly(CorrelationDataProvider provider) implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return message instanceof CommandMessage<?> ? provider.correlationDataFor(message) : Map.of();
    }
}
