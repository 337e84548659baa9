package app.stamina.command.program;

/**
 * A command the program turns down ({@link ProtocolRefusal}, {@link MalformedFact}). A refusal is thrown before the
 * program applies any event, so it has nothing to undo: its unit of work is not rolled back, and the program stays
 * in the cache instead of being read back from the store by the athlete's next write.
 */
public interface Refusal {
}
