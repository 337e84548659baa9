package app.stamina.command.relay;

/** The metadata keys under which a stored event names who caused it. */
public final class ActorMetaData {

    public static final String SUB = "actorSub";
    public static final String ROLE = "actorRole";

    private ActorMetaData() {
    }
}
