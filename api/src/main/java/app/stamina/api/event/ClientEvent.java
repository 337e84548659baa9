package app.stamina.api.event;

import java.util.UUID;

/** An event a client write created: it carries the client's {@code eventId}. */
public interface ClientEvent {

    UUID eventId();
}
