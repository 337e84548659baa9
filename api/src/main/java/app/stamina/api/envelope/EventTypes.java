package app.stamina.api.envelope;

import app.stamina.api.event.RehabEvent;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An event's {@code type} on the wire is its record's simple name: {@code HoldCompleted}, {@code LoadIncreased}... */
public final class EventTypes {

    private static final Map<String, Class<? extends RehabEvent>> BY_NAME = Arrays.stream(RehabEvent.class.getPermittedSubclasses())
            .map(EventTypes::asEventClass)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static String nameOf(RehabEvent event) {
        return event.getClass().getSimpleName();
    }

    public static Optional<Class<? extends RehabEvent>> classOf(String type) {
        return Optional.ofNullable(BY_NAME.get(type));
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends RehabEvent> asEventClass(Class<?> type) {
        return (Class<? extends RehabEvent>) type;
    }
}
