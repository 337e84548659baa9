package app.stamina.analytics.export;

import app.stamina.analytics.cohorts.CohortFigures;
import app.stamina.analytics.cohorts.CohortIndex;
import app.stamina.analytics.cohorts.Grouping;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Exports researchers can publish, streamed as CSV or NDJSON. */
@RestController
@RequestMapping("/api/v1/exports")
class ExportController {

    private final Exports exports;
    private final CohortFigures figures;
    private final CohortIndex index;

    ExportController(Exports exports, CohortFigures figures, CohortIndex index) {
        this.exports = exports;
        this.figures = figures;
        this.index = index;
    }

    @GetMapping("/cohort-trends")
    ResponseEntity<StreamingResponseBody> cohortTrends(@RequestParam(required = false) String metric,
                                                       @RequestParam(required = false) String groupBy,
                                                       @RequestParam(required = false) String weeks,
                                                       @RequestParam(required = false) String format) {
        ExportFormat as = ExportFormat.parse(format);
        CohortFigures.Trends trends = figures.trends(metric, groupBy, weeks);
        Grouping grouping = Grouping.parse(groupBy);
        return stream(as, "cohort-trends", body -> exports.cohortTrends(trends, grouping, as, body));
    }

    @GetMapping("/athlete-weeks")
    ResponseEntity<StreamingResponseBody> athleteWeeks(@RequestParam(required = false) String format) {
        ExportFormat as = ExportFormat.parse(format);
        CohortIndex.Roster roster = index.roster();
        return stream(as, "athlete-weeks", body -> exports.athleteWeeks(roster, as, body));
    }

    private static ResponseEntity<StreamingResponseBody> stream(ExportFormat format, String name,
                                                                StreamingResponseBody body) {
        String file = name + (format == ExportFormat.CSV ? ".csv" : ".ndjson");
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(body);
    }
}
