package app.stamina.readmodel;

/** A read-model document that remembers the last event version it applied. */
public interface Versioned {

    String id();

    long version();
}
