package app.stamina.standalone;

import app.stamina.analytics.simulator.Simulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The demo: with {@code --stamina.demo.athletes=N}, once Stamina is up it fills itself with a simulated cohort
 * through its own public API (seed 7, so a restart adds nothing) and prints where to look and tokens to look with.
 */
@Component
@ConditionalOnProperty("stamina.demo.athletes")
class DemoCohort implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DemoCohort.class);
    private static final String FIRST_ATHLETE = "sim-7-0";

    private final DevTokens tokens;
    private final int athletes;
    private final int weeks;
    private final PrintStream out = System.out;

    DemoCohort(DevTokens tokens, @Value("${stamina.demo.athletes}") int athletes,
               @Value("${stamina.demo.weeks:12}") int weeks) {
        this.tokens = tokens;
        this.athletes = athletes;
        this.weeks = weeks;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        String base = "http://localhost:" + ready.getApplicationContext().getEnvironment().getProperty("local.server.port");
        Thread.ofPlatform().name("demo-cohort").daemon().start(() -> fill(base));
    }

    private void fill(String base) {
        try {
            new Simulator(Simulator.Options.parse("simulate", "--athletes", Integer.toString(athletes), "--weeks",
                    Integer.toString(weeks), "--seed", "7", "--parallelism", "16", "--target", base), out).run();
            out.println(banner(base));
        } catch (Exception e) {
            log.error("the demo cohort could not be simulated", e);
        }
    }

    String banner(String base) {
        Duration day = Duration.ofDays(1);
        String looker = tokens.token("demo-viewer", List.of("clinician", "researcher"), day);
        String athlete = tokens.token(FIRST_ATHLETE, List.of("athlete"), day);
        return """

                ==== Stamina demo: %d simulated athletes over %d weeks ====
                Charts (clinician and researcher): %s/#token=%s&athlete=%s
                Swagger UI:                        %s/swagger-ui.html
                A researcher's question:
                  curl -H "Authorization: Bearer %s" "%s/api/v1/cohorts/trends?metric=bestHoldSeconds&groupBy=tag:arm&weeks=0-12"
                The athlete %s's own progress:
                  curl -H "Authorization: Bearer %s" "%s/api/v1/athletes/%s/progress"
                Tokens last a day; more from POST %s/api/v1/dev/tokens.
                """.formatted(athletes, weeks, base, looker, FIRST_ATHLETE, base, looker, base, FIRST_ATHLETE, athlete,
                base, FIRST_ATHLETE, base);
    }
}
