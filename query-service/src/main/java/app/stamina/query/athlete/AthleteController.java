package app.stamina.query.athlete;

import app.stamina.api.ProtocolRules;
import app.stamina.edge.AthleteIds;
import app.stamina.edge.AthleteNotFound;
import app.stamina.edge.InvalidRequest;
import app.stamina.query.http.QueryParams;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.LocalDate;

/** An athlete's progress, their weekly stamina trend, and progress as a live stream. */
@RestController
@RequestMapping(path = "/api/v1/athletes/{athleteId}", produces = MediaType.APPLICATION_JSON_VALUE)
class AthleteController {

    private final AthleteReads reads;
    private final ProgressStreams streams;
    private final ProtocolRules rules;

    AthleteController(AthleteReads reads, ProgressStreams streams, ProtocolRules rules) {
        this.reads = reads;
        this.streams = streams;
        this.rules = rules;
    }

    @GetMapping("/progress")
    Progress progress(@PathVariable String athleteId, @RequestParam(required = false) String minVersion) {
        AthleteView view = reads.read(AthleteIds.parse(athleteId).value(), QueryParams.optionalLong("minVersion", minVersion, 0));
        return Progress.of(view, rules, reads.today(view));
    }

    @GetMapping("/stamina-trend")
    StaminaTrend staminaTrend(@PathVariable String athleteId, @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to,
                              @RequestParam(required = false) String minVersion) {
        String id = AthleteIds.parse(athleteId).value();
        LocalDate fromDate = QueryParams.optionalDate("from", from);
        LocalDate toDate = QueryParams.optionalDate("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw InvalidRequest.of("from", "must not be after to");
        }
        return StaminaTrend.of(reads.read(id, QueryParams.optionalLong("minVersion", minVersion, 0)), fromDate, toDate);
    }

    @GetMapping(path = "/progress/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter progressStream(@PathVariable String athleteId) {
        String id = AthleteIds.parse(athleteId).value();
        if (reads.current(id).isEmpty()) {
            throw new AthleteNotFound(id);
        }
        return streams.open(id);
    }
}
