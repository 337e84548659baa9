package app.stamina.analytics.cohorts;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What researchers (and clinicians) may ask about cohorts. */
@RestController
@RequestMapping(path = "/api/v1/cohorts", produces = MediaType.APPLICATION_JSON_VALUE)
class CohortController {

    private final CohortFigures figures;

    CohortController(CohortFigures figures) {
        this.figures = figures;
    }

    @GetMapping
    CohortFigures.Cohorts cohorts(@RequestParam(required = false) String groupBy) {
        return figures.cohorts(groupBy);
    }

    @GetMapping("/trends")
    CohortFigures.Trends trends(@RequestParam(required = false) String metric,
                                @RequestParam(required = false) String groupBy,
                                @RequestParam(required = false) String weeks) {
        return figures.trends(metric, groupBy, weeks);
    }

    @GetMapping("/milestones")
    CohortFigures.Milestones milestones(@RequestParam(required = false) String milestone,
                                        @RequestParam(required = false) String groupBy) {
        return figures.milestones(milestone, groupBy);
    }
}
