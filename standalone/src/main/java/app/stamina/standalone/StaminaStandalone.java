package app.stamina.standalone;

import app.stamina.analytics.AnalyticsConfiguration;
import app.stamina.analytics.simulator.Simulator;
import app.stamina.command.CommandServiceConfiguration;
import app.stamina.query.QueryServiceConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import java.util.Map;

/**
 * Stamina in one process: every service on one port, with its servers embedded and its data under one directory.
 * {@code java -jar stamina-standalone.jar --server.port=8080 --stamina.data-dir=./data}
 */
@SpringBootApplication
@Import({CommandServiceConfiguration.class, QueryServiceConfiguration.class, AnalyticsConfiguration.class})
public class StaminaStandalone {

    /**
     * Starts Stamina; or with {@code simulate ...} sends a synthetic cohort to a running one, with {@code backup ...}
     * backs up its event store, with {@code restore ...} restores one into a new data directory, and exits.
     */
    public static void main(String[] args) {
        String command = args.length > 0 ? args[0] : "";
        switch (command) {
            case "simulate" -> Simulator.main(args);
            case "backup", "restore" -> System.exit(Backup.main(args, System.out));
            default -> application().run(args);
        }
    }

    /** The application as {@code main} runs it, for tests that start and stop it on a data directory. */
    public static SpringApplication application() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(StaminaStandalone.class);
        app.setDefaultProperties(Map.of("spring.config.name", "standalone"));
        app.addInitializers(new EmbeddedServers());
        return app;
    }
}
