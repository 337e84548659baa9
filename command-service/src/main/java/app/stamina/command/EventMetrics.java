package app.stamina.command;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.List;

/** Counts the events appended to the store, by type, once their transaction has committed. */
@Component
class EventMetrics implements SmartInitializingSingleton {

    private final EventBus eventBus;
    private final MeterRegistry meters;

    EventMetrics(EventBus eventBus, MeterRegistry meters) {
        this.eventBus = eventBus;
        this.meters = meters;
    }

    @Override
    public void afterSingletonsInstantiated() {
        eventBus.registerDispatchInterceptor(messages -> {
            countOnCommit(messages);
            return (index, message) -> message;
        });
    }

    private void countOnCommit(List<? extends EventMessage<?>> messages) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> messages.forEach(message ->
                Counter.builder("stamina.events.appended")
                        .description("Events appended to the event store")
                        .tag("type", message.getPayloadType().getSimpleName())
                        .register(meters)
                        .increment())));
    }
}
