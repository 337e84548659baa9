package app.stamina.analytics.export;

import app.stamina.analytics.cohorts.CohortFigures;
import app.stamina.analytics.cohorts.Grouping;
import app.stamina.analytics.facts.AthleteFacts;
import app.stamina.analytics.facts.AthleteFactsStore;
import app.stamina.analytics.facts.WeekFacts;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The research exports, written to the response as they are produced: memory stays flat however many athletes
 * there are. Athlete rows carry a pseudonym, never the id, a name or a date of birth, and are left out when their
 * quasi-identifiers (age band, sex, condition, enrollment month) are shared by fewer than the minimum cell size.
 */
@Service
public class Exports {

    static final List<String> ATHLETE_WEEK_COLUMNS = List.of("pseudonym", "ageBand", "sex", "condition", "surgery",
            "enrollmentMonth", "tags", "week", "bestHoldSeconds", "sessions", "totalHoldSeconds", "setbacks",
            "workingLoadsKg");
    private static final Logger log = LoggerFactory.getLogger(Exports.class);
    private static final int PROGRESS_EVERY = 10_000;

    private final AthleteFactsStore store;
    private final CohortFigures figures;
    private final Pseudonyms pseudonyms;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public Exports(AthleteFactsStore store, CohortFigures figures, Pseudonyms pseudonyms, ObjectMapper json,
                   MeterRegistry meters) {
        this.store = store;
        this.figures = figures;
        this.pseudonyms = pseudonyms;
        this.json = json;
        this.meters = meters;
    }

    /** The rows of {@code /cohorts/trends}, as a table: the grouping keys, then week, n, quartiles and mean. */
    void cohortTrends(CohortFigures.Trends trends, Grouping grouping, ExportFormat format, OutputStream body) {
        timed("cohort-trends", () -> {
            Writer out = writer(body);
            List<String> columns = new ArrayList<>(grouping.keys());
            columns.addAll(List.of("week", "n", "p25", "p50", "p75", "mean"));
            format.header(out, columns);
            for (CohortFigures.TrendRow row : trends.rows()) {
                List<Object> values = new ArrayList<>(row.key().values());
                values.addAll(List.of(row.week(), row.n(), row.p25(), row.p50(), row.p75(), row.mean()));
                format.row(out, columns, values, json);
            }
            out.flush();
        });
    }

    /** One row per athlete and ended relative week. Two passes over the documents: group sizes, then rows. */
    void athleteWeeks(ExportFormat format, OutputStream body) {
        timed("athlete-weeks", () -> {
            Map<List<String>, Integer> quasiIdentifiers = new HashMap<>();
            Instant[] cutOff = {Instant.EPOCH};
            store.forEach(athlete -> {
                if (athlete.isEnrolled()) {
                    quasiIdentifiers.merge(quasiIdentifiers(athlete), 1, Integer::sum);
                    if (athlete.lastOccurredAt() != null && athlete.lastOccurredAt().isAfter(cutOff[0])) {
                        cutOff[0] = athlete.lastOccurredAt();
                    }
                }
            });
            Writer out = writer(body);
            format.header(out, ATHLETE_WEEK_COLUMNS);
            AtomicLong rows = new AtomicLong();
            AtomicLong left = new AtomicLong();
            store.forEach(athlete -> {
                if (!athlete.isEnrolled()) {
                    return;
                }
                if (quasiIdentifiers.get(quasiIdentifiers(athlete)) < figures.minCellSize()) {
                    left.incrementAndGet();
                    return;
                }
                writeWeeks(athlete, cutOff[0], format, out, rows);
            });
            out.flush();
            log.info("athlete-weeks export: {} rows; {} athletes left out for small quasi-identifier groups",
                    rows.get(), left.get());
        });
    }

    private void writeWeeks(AthleteFacts athlete, Instant cutOff, ExportFormat format, Writer out, AtomicLong rows) {
        LocalDate cutOffDay = cutOff.atZone(athlete.timeZone()).toLocalDate();
        long weeks = Math.max(0, ChronoUnit.DAYS.between(athlete.enrollDate(), cutOffDay) / 7);
        String pseudonym = pseudonyms.of(athlete.id());
        List<String> qi = quasiIdentifiers(athlete);
        try {
            for (int week = 0; week < weeks; week++) {
                WeekFacts facts = athlete.weeks().get(week);
                List<Object> values = new ArrayList<>(List.of(pseudonym, qi.get(0), qi.get(1), qi.get(2),
                        athlete.surgery().code(), qi.get(3), String.join(";", athlete.tags()), week));
                values.add(facts == null ? 0 : facts.bestHoldSeconds());
                values.add(facts == null ? 0 : facts.sessions());
                values.add(facts == null ? 0 : facts.totalHoldSeconds());
                values.add(facts == null ? 0 : facts.setbacks());
                values.add(workingLoads(athlete, athlete.enrollDate().plusDays(7L * week + 6), format));
                format.row(out, ATHLETE_WEEK_COLUMNS, values, json);
                if (rows.incrementAndGet() % PROGRESS_EVERY == 0) {
                    log.info("athlete-weeks export: {} rows written", rows.get());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away during an export", e);
        }
    }

    /** Per lift, the working load in kilograms at the end of the week: {@code deadlift=61.235;squat=60} in CSV. */
    private static Object workingLoads(AthleteFacts athlete, LocalDate day, ExportFormat format) {
        Map<String, BigDecimal> loads = new TreeMap<>();
        for (String lift : athlete.lifts()) {
            Long grams = athlete.workingLoadGramsOn(lift, day);
            if (grams != null) {
                loads.put(lift, BigDecimal.valueOf(grams, 3).stripTrailingZeros());
            }
        }
        if (format == ExportFormat.NDJSON) {
            return loads;
        }
        List<String> pairs = new ArrayList<>();
        loads.forEach((lift, kg) -> pairs.add(lift + "=" + kg.toPlainString()));
        return String.join(";", pairs);
    }

    private static List<String> quasiIdentifiers(AthleteFacts athlete) {
        return List.of(athlete.ageBand(), athlete.sex().code(), athlete.condition().code(),
                athlete.enrollDate().toString().substring(0, 7));
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

    private static Writer writer(OutputStream body) {
        return new OutputStreamWriter(body, StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface IoWork {
        void run() throws IOException;
    }
}
