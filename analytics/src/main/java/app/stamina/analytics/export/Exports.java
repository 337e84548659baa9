package app.stamina.analytics.export;

import app.stamina.analytics.cohorts.Cell;
import app.stamina.analytics.cohorts.CohortFigures;
import app.stamina.analytics.cohorts.CohortIndex;
import app.stamina.analytics.cohorts.Contribution;
import app.stamina.analytics.cohorts.Contribution.WeeklyMetric;
import app.stamina.analytics.cohorts.Grouping;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.StringJoiner;

/**
 * The research exports, written to the response as they are produced from what the cohort index already holds: an
 * export adds no more than its athletes' ids to memory, however many rows it writes. Athlete rows carry a pseudonym,
 * never the id, a name or a date of birth, and are left out when their quasi-identifiers (age band, sex, condition,
 * enrollment month) are shared by fewer than the minimum cell size.
 */
@Service
public class Exports {

    static final List<String> ATHLETE_WEEK_COLUMNS = List.of("pseudonym", "ageBand", "sex", "condition", "surgery",
            "enrollmentMonth", "tags", "week", "bestHoldSeconds", "sessions", "totalHoldSeconds", "setbacks",
            "workingLoadsKg");
    private static final Logger log = LoggerFactory.getLogger(Exports.class);
    private static final int PROGRESS_EVERY = 10_000;

    private final CohortFigures figures;
    private final Pseudonyms pseudonyms;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public Exports(CohortFigures figures, Pseudonyms pseudonyms, ObjectMapper json, MeterRegistry meters) {
        this.figures = figures;
        this.pseudonyms = pseudonyms;
        this.json = json;
        this.meters = meters;
    }

    /** The rows of {@code /cohorts/trends}, as a table: the grouping keys, then week, n, quartiles and mean. */
    void cohortTrends(CohortFigures.Trends trends, Grouping grouping, ExportFormat format, OutputStream body) {
        timed("cohort-trends", () -> {
            List<String> columns = new ArrayList<>(grouping.keys());
            columns.addAll(List.of("week", "n", "p25", "p50", "p75", "mean"));
            ExportFormat.Rows out = format.rows(body, columns, json);
            for (CohortFigures.TrendRow row : trends.rows()) {
                List<Object> values = new ArrayList<>(row.key().values());
                values.addAll(List.of(row.week(), row.n(), row.p25(), row.p50(), row.p75(), row.mean()));
                out.row(values.toArray());
            }
            out.flush();
        });
    }

    /**
     * One row per athlete and ended relative week, from the cohort index as it was when the export was asked for:
     * the same athletes, cut-off and figures as the cohort answers of that moment, without reading a document.
     */
    void athleteWeeks(CohortIndex.Roster roster, ExportFormat format, OutputStream body) {
        timed("athlete-weeks", () -> {
            Map<List<String>, Integer> quasiIdentifierGroups = new HashMap<>();
            roster.athletes().values().forEach(athlete ->
                    quasiIdentifierGroups.merge(quasiIdentifiers(athlete.cell()), 1, Integer::sum));
            ExportFormat.Rows out = format.rows(body, ATHLETE_WEEK_COLUMNS, json);
            long rows = 0;
            long left = 0;
            for (Map.Entry<String, Contribution> athlete : roster.athletes().entrySet()) {
                List<String> qi = quasiIdentifiers(athlete.getValue().cell());
                if (quasiIdentifierGroups.get(qi) < figures.minCellSize()) {
                    left++;
                    continue;
                }
                rows = writeWeeks(athlete.getKey(), athlete.getValue(), qi, roster.cutOff(), format, out, rows);
            }
            out.flush();
            log.info("athlete-weeks export: {} rows; {} athletes left out for small quasi-identifier groups",
                    rows, left);
        });
    }

    /** Writes the athlete's ended weeks; returns the rows written so far in the export. */
    private long writeWeeks(String id, Contribution athlete, List<String> qi, Instant cutOff, ExportFormat format,
                            ExportFormat.Rows out, long rowsBefore) throws IOException {
        Cell cell = athlete.cell();
        String pseudonym = pseudonyms.of(id);
        String tags = String.join(";", cell.tags());
        SortedSet<String> lifts = athlete.lifts();
        int endedWeeks = cell.endedWeeks(cutOff);
        long rows = rowsBefore;
        for (int week = 0; week < endedWeeks; week++) {
            out.row(pseudonym, qi.get(0), qi.get(1), qi.get(2), cell.surgery().code(), qi.get(3), tags, week,
                    athlete.metric(week, WeeklyMetric.BEST_HOLD_SECONDS), athlete.metric(week, WeeklyMetric.SESSIONS),
                    athlete.metric(week, WeeklyMetric.TOTAL_HOLD_SECONDS),
                    athlete.metric(week, WeeklyMetric.SETBACKS), workingLoads(athlete, lifts, week, format));
            if (++rows % PROGRESS_EVERY == 0) {
                log.info("athlete-weeks export: {} rows written", rows);
            }
        }
        return rows;
    }

    /** Per lift, the working load in kilograms at the end of the week: {@code deadlift=61.235;squat=60} in CSV. */
    private static Object workingLoads(Contribution athlete, SortedSet<String> lifts, int week, ExportFormat format) {
        Map<String, BigDecimal> loads = new LinkedHashMap<>();
        for (String lift : lifts) {
            Long grams = athlete.workingLoadGrams(lift, week);
            if (grams != null) {
                loads.put(lift, BigDecimal.valueOf(grams, 3).stripTrailingZeros());
            }
        }
        if (format == ExportFormat.NDJSON) {
            return loads;
        }
        StringJoiner pairs = new StringJoiner(";");
        loads.forEach((lift, kg) -> pairs.add(lift + "=" + kg.toPlainString()));
        return pairs.toString();
    }

    private static List<String> quasiIdentifiers(Cell cell) {
        return List.of(cell.ageBand(), cell.sex().code(), cell.condition().code(), cell.enrollmentMonth());
    }

    private void timed(String export, IoWork work) {
        Timer.Sample sample = Timer.start(meters);
        try {
            work.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away during an export", e);
        } finally {
            sample.stop(Timer.builder("stamina.export.duration").tag("export", export)
                    .description("Time to stream an export").register(meters));
        }
    }

    @FunctionalInterface
    private interface IoWork {
        void run() throws IOException;
    }
}
