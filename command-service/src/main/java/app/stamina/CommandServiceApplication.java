package app.stamina;

import app.stamina.command.CommandServiceConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

import java.util.Map;

/** The command service on its own, against an external PostgreSQL (settings in command-service.yml). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CommandServiceConfiguration.class)
public class CommandServiceApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(CommandServiceApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "command-service"));
        app.run(args);
    }
}
