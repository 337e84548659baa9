package app.stamina.command.http;

import app.stamina.api.AthleteId;
import app.stamina.api.command.FactCommand;
import app.stamina.api.command.RecordOfflineSession;
import app.stamina.api.envelope.Actor;
import app.stamina.command.ledger.ClientWriteLedger;
import app.stamina.command.ledger.Fingerprint;
import app.stamina.command.ledger.LedgerInterceptor;
import app.stamina.command.ledger.PriorWrite;
import app.stamina.command.program.AlreadyEnrolled;
import app.stamina.command.program.FactResult;
import app.stamina.command.program.Outcome;
import app.stamina.command.program.ProtocolRefusal;
import app.stamina.edge.FieldError;
import app.stamina.edge.Problems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs client writes exactly once. A write whose {@code eventId} was answered before gets that answer again with
 * {@code "duplicate": true}, or 409 when its body differs; a new one goes to the aggregate, and its answer is kept
 * in the ledger in the same transaction as its events. Two copies racing each other are settled by the ledger's
 * primary key: the loser's transaction rolls back and it answers as a duplicate.
 */
@Service
public class ClientWrites {

    static final int DUPLICATE_IN_SYNC = 200;
    private static final int ATTEMPTS = 5;

    private final CommandGateway commands;
    private final ClientWriteLedger ledger;
    private final LedgerInterceptor answers;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public ClientWrites(CommandGateway commands, ClientWriteLedger ledger, LedgerInterceptor answers, ObjectMapper json,
                        MeterRegistry meters) {
        this.commands = commands;
        this.ledger = ledger;
        this.answers = answers;
        this.json = json;
        this.meters = meters;
    }

    /** Counts a client write by kind ({@code hold}, {@code load-increase}...) and how it was answered. */
    private void count(Write write, String outcome) {
        Counter.builder("stamina.commands.handled")
                .description("Client writes handled, by kind and outcome")
                .tag("kind", write.kind())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    /**
     * One write: a fact or a decision, under the client's {@code eventId}. Most writes are new, so the ledger is not
     * read first: an accepted write's ledger row goes in with its events, and the row of an {@code eventId} answered
     * before fails that insert with a duplicate key, which rolls the events back; the write is then answered from the
     * ledger. A refusal is answered from the ledger too when the {@code eventId} was answered before, so a retry gets
     * the first answer even where the program has moved on since.
     */
    public Answer submit(Write write) {
        boolean mayBeAnswered = false;
        for (int attempt = 1; ; attempt++) {
            if (mayBeAnswered) {
                var prior = ledger.find(write.eventId());
                if (prior.isPresent()) {
                    return replay(write, prior.get());
                }
            }
            try {
                Outcome outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(write.command())
                        .withMetaData(LedgerInterceptor.metaDataFor(write.athleteId(), Map.of(write.eventId(), write.fingerprint()),
                                write.actor())));
                count(write, "accepted");
                return Answer.fresh(LedgerInterceptor.CREATED, answers.answerFor(outcome));
            } catch (ProtocolRefusal refusal) {
                return priorOr(write, () -> refuse(write, CommandProblems.refusal(refusal)));
            } catch (AlreadyEnrolled enrolled) {
                return priorOr(write, () -> refuse(write, CommandProblems.alreadyEnrolled(enrolled)));
            } catch (DuplicateKeyException | ConcurrencyException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
                mayBeAnswered = true;
            }
        }
    }

    private Answer priorOr(Write write, Supplier<Answer> refusal) {
        return ledger.find(write.eventId()).map(prior -> replay(write, prior)).orElseGet(refusal);
    }

    /** An offline session: every entry answered on its own, in order, the new facts applied in one unit of work. */
    public List<ObjectNode> sync(AthleteId athleteId, List<SyncEntry> entries) {
        for (int attempt = 1; ; attempt++) {
            try {
                return trySync(athleteId, entries);
            } catch (DuplicateKeyException | ConcurrencyException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private List<ObjectNode> trySync(AthleteId athleteId, List<SyncEntry> entries) {
        ObjectNode[] results = new ObjectNode[entries.size()];
        Map<UUID, Integer> firstInBatch = new HashMap<>();
        Map<Integer, Integer> repeats = new LinkedHashMap<>();
        List<Integer> toApply = new ArrayList<>();
        Map<UUID, PriorWrite> prior = ledger.findAll(entries.stream()
                .filter(SyncEntry::isValid).map(e -> e.write().eventId()).toList());
        for (int i = 0; i < entries.size(); i++) {
            SyncEntry entry = entries.get(i);
            if (!entry.isValid()) {
                results[i] = entryResult(entry.eventId(), json.valueToTree(Problems.invalid(entry.errors())));
                continue;
            }
            Write write = entry.write();
            Integer first = firstInBatch.putIfAbsent(write.eventId(), i);
            if (prior.containsKey(write.eventId())) {
                results[i] = syncReplay(write, prior.get(write.eventId()));
            } else if (first != null) {
                repeats.put(i, first);
            } else {
                toApply.add(i);
            }
        }
        if (!toApply.isEmpty()) {
            Map<UUID, Fingerprint> fingerprints = new HashMap<>();
            List<FactCommand> facts = new ArrayList<>();
            for (int i : toApply) {
                Write write = entries.get(i).write();
                fingerprints.put(write.eventId(), write.fingerprint());
                facts.add((FactCommand) write.command());
            }
            List<FactResult> applied = commands.sendAndWait(GenericCommandMessage
                    .asCommandMessage(new RecordOfflineSession(athleteId, facts))
                    .withMetaData(LedgerInterceptor.metaDataFor(athleteId, fingerprints, entries.get(toApply.getFirst()).write().actor())));
            for (int k = 0; k < applied.size(); k++) {
                count(entries.get(toApply.get(k)).write(), applied.get(k) instanceof FactResult.Recorded ? "accepted" : "invalid");
                results[toApply.get(k)] = switch (applied.get(k)) {
                    case FactResult.Recorded recorded -> withStatus(answers.answerFor(recorded.outcome()),
                            LedgerInterceptor.CREATED, false);
                    case FactResult.Rejected rejected -> entryResult(rejected.eventId(), json.valueToTree(
                            Problems.invalid(List.of(new FieldError(rejected.field(), rejected.message())))));
                };
            }
        }
        repeats.forEach((i, first) -> results[i] = repeatInBatch(entries.get(i).write(), entries.get(first).write(),
                results[first]));
        return List.of(results);
    }

    private ObjectNode repeatInBatch(Write repeat, Write first, ObjectNode firstResult) {
        count(repeat, repeat.fingerprint().equals(first.fingerprint()) ? "duplicate" : "conflict");
        if (!repeat.fingerprint().equals(first.fingerprint())) {
            return entryResult(repeat.eventId(), json.valueToTree(CommandProblems.eventIdConflict(repeat.eventId())));
        }
        if (firstResult.path("status").asInt() == LedgerInterceptor.CREATED) {
            return withStatus(firstResult, DUPLICATE_IN_SYNC, true);
        }
        return firstResult.deepCopy();
    }

    private ObjectNode syncReplay(Write write, PriorWrite prior) {
        count(write, prior.isSameWriteAs(write.fingerprint()) ? "duplicate" : "conflict");
        if (!prior.isSameWriteAs(write.fingerprint())) {
            return entryResult(write.eventId(), json.valueToTree(CommandProblems.eventIdConflict(write.eventId())));
        }
        int status = prior.status() == LedgerInterceptor.CREATED ? DUPLICATE_IN_SYNC : prior.status();
        return withStatus(prior.answer(), status, true);
    }

    /** A problem as a sync result: the entry's eventId, the problem's status and code, and its errors if any. */
    private ObjectNode entryResult(UUID eventId, ObjectNode problem) {
        ObjectNode result = json.createObjectNode();
        result.put("eventId", eventId == null ? null : eventId.toString());
        result.put("status", problem.path("status").asInt());
        result.set("code", problem.path("code"));
        result.set("detail", problem.path("detail"));
        if (problem.has("errors")) {
            result.set("errors", problem.get("errors"));
        }
        return result;
    }

    private static ObjectNode withStatus(ObjectNode answer, int status, boolean duplicate) {
        ObjectNode result = answer.deepCopy();
        result.remove(List.of("status", "duplicate"));
        ObjectNode ordered = result.objectNode();
        ordered.set("eventId", result.remove("eventId"));
        ordered.put("status", status);
        ordered.setAll(result);
        ordered.put("duplicate", duplicate);
        return ordered;
    }

    private Answer replay(Write write, PriorWrite prior) {
        count(write, prior.isSameWriteAs(write.fingerprint()) ? "duplicate" : "conflict");
        if (!prior.isSameWriteAs(write.fingerprint())) {
            return Answer.problem(json.valueToTree(CommandProblems.eventIdConflict(write.eventId())));
        }
        ObjectNode answer = prior.answer().deepCopy();
        answer.put("duplicate", true);
        return new Answer(prior.status(), answer, prior.status() >= 400);
    }

    private Answer refuse(Write write, ProblemDetail problem) {
        count(write, "refused");
        ObjectNode body = json.valueToTree(problem);
        ledger.recordRefusal(write.athleteId().value(),
                new ClientWriteLedger.Entry(write.eventId(), write.fingerprint(), problem.getStatus(), body));
        return Answer.problem(body);
    }

    /** A client write ready to run: its command and what identifies it. */
    public record Write(String kind, AthleteId athleteId, UUID eventId, Fingerprint fingerprint, Object command,
                        Actor actor) {

        static Write of(String kind, AthleteId athleteId, UUID eventId, JsonNode body, Object command, Actor actor) {
            return new Write(kind, athleteId, eventId, Fingerprint.of(kind, athleteId, body), command, actor);
        }
    }

    /** One entry of a sync body: a write, or what was wrong with its shape. */
    public record SyncEntry(UUID eventId, Write write, List<FieldError> errors) {

        boolean isValid() {
            return write != null;
        }
    }

    /** An HTTP answer: status and body; problems go out as {@code application/problem+json}. */
    public record Answer(int status, ObjectNode body, boolean isProblem) {

        static Answer fresh(int status, ObjectNode body) {
            body.put("duplicate", false);
            return new Answer(status, body, false);
        }

        static Answer problem(ObjectNode body) {
            return new Answer(body.path("status").asInt(), body, true);
        }
    }
}
