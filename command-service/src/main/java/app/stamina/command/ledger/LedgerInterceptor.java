package app.stamina.command.ledger;

import app.stamina.api.AthleteId;
import app.stamina.api.envelope.Actor;
import app.stamina.command.program.FactResult;
import app.stamina.command.program.Outcome;
import app.stamina.command.relay.ActorMetaData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the ledger rows of a client write inside the unit of work that appends its events: both commit, or
 * neither does. The fingerprints travel in the command's metadata under {@link #FINGERPRINTS}.
 */
public class LedgerInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String FINGERPRINTS = "clientWriteFingerprints";
    public static final String ATHLETE_ID = "athleteId";
    public static final int CREATED = 201;

    private final ClientWriteLedger ledger;
    private final ObjectMapper json;

    public LedgerInterceptor(ClientWriteLedger ledger, ObjectMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        CommandMessage<?> command = unitOfWork.getMessage();
        if (command.getMetaData().get(FINGERPRINTS) instanceof Map<?, ?> fingerprints) {
            List<ClientWriteLedger.Entry> entries = new ArrayList<>();
            for (Outcome outcome : outcomesOf(result)) {
                if (fingerprints.get(outcome.eventId().toString()) instanceof String fingerprint) {
                    entries.add(new ClientWriteLedger.Entry(outcome.eventId(), new Fingerprint(fingerprint), CREATED,
                            answerFor(outcome)));
                }
            }
            if (!entries.isEmpty()) {
                ledger.record(String.valueOf(command.getMetaData().get(ATHLETE_ID)), entries);
            }
        }
        return result;
    }

    /** The body a client gets for an accepted write, the first time and on every retry. */
    public ObjectNode answerFor(Outcome outcome) {
        return json.valueToTree(outcome);
    }

    private static List<Outcome> outcomesOf(Object result) {
        if (result instanceof Outcome outcome) {
            return List.of(outcome);
        }
        List<Outcome> outcomes = new ArrayList<>();
        if (result instanceof List<?> results) {
            for (Object each : results) {
                if (each instanceof FactResult.Recorded recorded) {
                    outcomes.add(recorded.outcome());
                }
            }
        }
        return outcomes;
    }

    /**
     * The metadata of a client write: which writes it carries (for this interceptor) and who makes it (copied onto
     * every event it produces).
     */
    public static MetaData metaDataFor(AthleteId athleteId, Map<UUID, Fingerprint> fingerprints, Actor actor) {
        Map<String, String> byEventId = new HashMap<>();
        fingerprints.forEach((eventId, fingerprint) -> byEventId.put(eventId.toString(), fingerprint.value()));
        MetaData metaData = MetaData.with(FINGERPRINTS, byEventId).and(ATHLETE_ID, athleteId.value());
        if (actor != null) {
            metaData = metaData.and(ActorMetaData.SUB, actor.sub()).and(ActorMetaData.ROLE, actor.role());
        }
        return metaData;
    }
}
