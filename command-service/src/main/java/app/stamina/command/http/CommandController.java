package app.stamina.command.http;

import app.stamina.api.AthleteId;
import app.stamina.command.http.ClientWrites.Answer;
import app.stamina.command.http.ClientWrites.SyncEntry;
import app.stamina.command.http.ClientWrites.Write;
import app.stamina.command.http.Requests.ClientRequest;
import app.stamina.edge.AthleteIds;
import app.stamina.edge.FieldError;
import app.stamina.edge.InvalidRequest;
import app.stamina.edge.security.Actors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The command API of API.md: every write an athlete's apps and clinicians make. */
@RestController
@RequestMapping(path = "/api/v1/athletes/{athleteId}", produces = MediaType.APPLICATION_JSON_VALUE)
class CommandController {

    static final int MAX_SYNC_ENTRIES = 1000;
    private static final Map<String, Class<? extends ClientRequest>> SYNC_TYPES = Map.of(
            "hold", Requests.Hold.class,
            "rep", Requests.Rep.class,
            "setback", Requests.Setback.class);

    private final ClientWrites writes;
    private final RequestReader reader;
    private final Edge edge;
    private final ObjectMapper json;

    CommandController(ClientWrites writes, RequestReader reader, Edge edge, ObjectMapper json) {
        this.writes = writes;
        this.reader = reader;
        this.edge = edge;
        this.json = json;
    }

    @PostMapping("/enrollment")
    ResponseEntity<JsonNode> enroll(@PathVariable String athleteId, @RequestBody JsonNode body) {
        return write("enrollment", athleteId, body, Requests.Enrollment.class);
    }

    @PostMapping("/holds")
    ResponseEntity<JsonNode> recordHold(@PathVariable String athleteId, @RequestBody JsonNode body) {
        return write("hold", athleteId, body, Requests.Hold.class);
    }

    @PostMapping("/reps")
    ResponseEntity<JsonNode> confirmRep(@PathVariable String athleteId, @RequestBody JsonNode body) {
        return write("rep", athleteId, body, Requests.Rep.class);
    }

    @PostMapping("/working-loads")
    ResponseEntity<JsonNode> setWorkingLoad(@PathVariable String athleteId, @RequestBody JsonNode body) {
        return write("working-load", athleteId, body, Requests.WorkingLoad.class);
    }

    @PostMapping("/load-increases")
    ResponseEntity<JsonNode> increaseLoad(@PathVariable String athleteId, @RequestBody JsonNode body) {
        return write("load-increase", athleteId, body, Requests.LoadIncrease.class);
    }

    @PostMapping("/setbacks")
    ResponseEntity<JsonNode> reportSetback(@PathVariable String athleteId, @RequestBody JsonNode body) {
        return write("setback", athleteId, body, Requests.Setback.class);
    }

    @PostMapping("/resume")
    ResponseEntity<JsonNode> resume(@PathVariable String athleteId, @RequestBody JsonNode body) {
        return write("resume", athleteId, body, Requests.Resume.class);
    }

    @PostMapping("/sync")
    ResponseEntity<JsonNode> sync(@PathVariable String athleteId, @RequestBody JsonNode body) {
        AthleteId id = AthleteIds.parse(athleteId);
        JsonNode given = body.path("entries");
        if (!given.isArray()) {
            throw InvalidRequest.of("entries", "must be a list of entries");
        }
        if (given.size() > MAX_SYNC_ENTRIES) {
            throw InvalidRequest.of("entries", "must hold at most " + MAX_SYNC_ENTRIES + " entries");
        }
        List<SyncEntry> entries = new ArrayList<>(given.size());
        given.forEach(entry -> entries.add(syncEntry(id, entry)));
        ObjectNode answer = json.createObjectNode();
        answer.putArray("results").addAll(writes.sync(id, entries));
        return ResponseEntity.ok(answer);
    }

    private SyncEntry syncEntry(AthleteId athleteId, JsonNode entry) {
        UUID eventId = eventIdOf(entry);
        String type = entry.path("type").asText("");
        Class<? extends ClientRequest> requestType = SYNC_TYPES.get(type);
        if (requestType == null) {
            return new SyncEntry(eventId, null, List.of(new FieldError("type", "must be one of [hold, rep, setback]")));
        }
        try {
            ClientRequest request = reader.read(entry, requestType);
            return new SyncEntry(eventId, Write.of(type, athleteId, request.eventId(), entry,
                    request.toCommand(athleteId, edge), Actors.current(athleteId.value())), List.of());
        } catch (InvalidRequest invalid) {
            return new SyncEntry(eventId, null, invalid.errors());
        }
    }

    private ResponseEntity<JsonNode> write(String kind, String athleteId, JsonNode body,
                                           Class<? extends ClientRequest> type) {
        AthleteId id = AthleteIds.parse(athleteId);
        ClientRequest request = reader.read(body, type);
        Answer answer = writes.submit(Write.of(kind, id, request.eventId(), body, request.toCommand(id, edge),
                Actors.current(id.value())));
        return ResponseEntity.status(answer.status())
                .contentType(answer.isProblem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON)
                .body(answer.body());
    }

    private static UUID eventIdOf(JsonNode entry) {
        try {
            return entry.hasNonNull("eventId") ? UUID.fromString(entry.get("eventId").asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
