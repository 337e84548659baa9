package app.stamina;

import app.stamina.query.QueryServiceConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

import java.util.Map;

/** The query service on its own, against external Kafka and MongoDB (settings in query-service.yml). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(QueryServiceConfiguration.class)
public class QueryServiceApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(QueryServiceApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "query-service"));
        app.run(args);
    }
}
