package app.stamina.query.timeline;

import app.stamina.edge.AthleteIds;
import app.stamina.query.athlete.AthleteReads;
import app.stamina.query.http.QueryParams;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Objects;

/** An athlete's events, oldest first, a page at a time. */
@RestController
@RequestMapping(path = "/api/v1/athletes/{athleteId}", produces = MediaType.APPLICATION_JSON_VALUE)
class TimelineController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final Timeline timeline;
    private final AthleteReads reads;

    TimelineController(Timeline timeline, AthleteReads reads) {
        this.timeline = timeline;
        this.reads = reads;
    }

    @GetMapping("/timeline")
    Timeline.Page timeline(@PathVariable String athleteId, @RequestParam(required = false) String after,
                           @RequestParam(required = false) String limit,
                           @RequestParam(required = false) String minVersion) {
        String id = AthleteIds.parse(athleteId).value();
        long afterVersion = Objects.requireNonNullElse(QueryParams.optionalLong("after", after, 0), 0L);
        int pageSize = QueryParams.optionalInt("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
        reads.read(id, QueryParams.optionalLong("minVersion", minVersion, 0));
        return timeline.page(id, afterVersion, pageSize);
    }
}
