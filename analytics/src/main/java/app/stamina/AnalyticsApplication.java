package app.stamina;

import app.stamina.analytics.AnalyticsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

import java.util.Map;

/** Analytics on its own, against external Kafka and MongoDB (settings in analytics.yml). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(AnalyticsConfiguration.class)
public class AnalyticsApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(AnalyticsApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "analytics"));
        app.run(args);
    }
}
