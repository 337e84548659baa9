package app.stamina.edge;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public contract as OpenAPI 3 at {@code /v3/api-docs}, with Swagger UI at {@code /swagger-ui.html}: every
 * endpoint of the services this process runs, all behind a bearer JWT.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer-jwt";

    @Bean
    OpenAPI staminaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Stamina API").version("v1").description("""
                        Rehab after a back injury, stamina before strength: athletes' facts and decisions (commands), \
                        their progress (queries) and cohort figures and exports for research (analytics). Errors are \
                        application/problem+json with a stable `code`; see API.md for the rules behind each refusal."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
