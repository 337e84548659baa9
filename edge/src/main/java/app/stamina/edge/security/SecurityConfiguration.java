package app.stamina.edge.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Who may see what (API.md, "Authentication"). Every request but health and the embedded default's token
 * endpoint needs a bearer JWT whose {@code roles} claim names {@code athlete}, {@code clinician},
 * {@code researcher} or {@code admin}:
 * <ul>
 *     <li>an athlete reads and writes only the athlete whose id is their token's {@code sub};</li>
 *     <li>a clinician reads and writes any athlete, and alone (with admins) resumes a paused program;</li>
 *     <li>a researcher reads cohorts and exports, never one athlete; clinicians read cohorts too;</li>
 *     <li>an admin may do everything; all else (metrics, rebuilds) is for admins only.</li>
 * </ul>
 * A missing, expired, tampered or wrongly signed token is 401; a valid token without access is 403.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({JwtSettings.class, WriteRateSettings.class})
public class SecurityConfiguration {

    static final String ROLES_CLAIM = "roles";

    private static final String FILTER_CHAIN = AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME;

    /** The factory of {@code HandlerMappingIntrospector}'s filter that Spring Security 6.5 puts before its chain. */
    private static final String HANDLER_LOOKUP_FILTER = "org.springframework.security.config.annotation.web."
            + "configuration.WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";

    /** What anyone may read: health, the contract (OpenAPI and Swagger UI) and the web page's files. */
    static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/error", "/v3/api-docs",
        "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/", "/index.html", "/web/**", "/favicon.ico"};

    /**
     * {@code stamina.security.metrics-public}: lets Prometheus scrape {@code /actuator/prometheus} without a token,
     * for deployments where only the internal network reaches the services (docker-compose.yml).
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, SecurityProblems problems,
                            @Value("${stamina.security.metrics-public:false}") boolean metricsPublic) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // The athletes' rules first: they take nearly every request, and each rule tried before the one
                // that matches costs a match of its patterns. No rule after them matches an athlete's path.
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/athletes/{athleteId}/resume")
                        .hasAnyRole(Role.CLINICIAN.code(), Role.ADMIN.code())
                        .requestMatchers("/api/v1/athletes/{athleteId}", "/api/v1/athletes/{athleteId}/**")
                        .access(ownAthleteOrCarer())
                        .requestMatchers("/api/v1/cohorts", "/api/v1/cohorts/**")
                        .hasAnyRole(Role.RESEARCHER.code(), Role.CLINICIAN.code(), Role.ADMIN.code())
                        .requestMatchers("/api/v1/exports", "/api/v1/exports/**")
                        .hasAnyRole(Role.RESEARCHER.code(), Role.ADMIN.code())
                        .requestMatchers(HttpMethod.GET, PUBLIC).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/prometheus").access((who, context) ->
                                new AuthorizationDecision(metricsPublic || Actors.has(who.get(), Role.ADMIN)))
                        .requestMatchers("/api/v1/dev/tokens").permitAll()
                        .anyRequest().hasRole(Role.ADMIN.code()))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerHeader())
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * No observations of Spring Security's own. With any, it wraps every filter of the chain, and each request's
     * authentication and authorization, in one, even where {@code management.observations.enable.spring.security=false}
     * makes them no-ops (as it did until 2026-12-03): 3 % each for the authentication and the authorization in a
     * profile of {@code GET /progress}, plus the wrapping of a dozen filters. {@code http.server.requests} still times
     * every request as a client sees it.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's request matchers as Spring MVC's path patterns, matched against the request's path as it is
     * parsed once per request, with the path variables ({@code athleteId}) they bind. Without this bean each matcher
     * is an {@code MvcRequestMatcher}, which asks {@code HandlerMappingIntrospector} for the handler of the request.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * No look-up of each request's handler before the {@code DispatcherServlet} does it. Spring Security 6.5 puts a
     * filter of {@code HandlerMappingIntrospector}'s in front of its chain whenever Spring MVC is present, which
     * looks up the handler and keeps it for the MVC request matchers; with path-pattern matchers
     * ({@link #pathPatternMatchers}) nothing reads it, and it was 7 % of a {@code GET /progress} and 6 % of a
     * single-fact POST (profiles of 2026-12-03 and 04; BENCHMARKS.md, step 34). This takes that filter out of the
     * definition of the chain before the chain is made; the {@code ServletRequestPathFilter} the path-pattern
     * matchers read stays. (Spring Security 7 no longer adds it.)
     */
    @Bean
    static BeanFactoryPostProcessor noHandlerLookupBeforeDispatch() {
        return beanFactory -> {
            if (beanFactory.containsBeanDefinition(FILTER_CHAIN)) {
                dropHandlerLookup(beanFactory.getBeanDefinition(FILTER_CHAIN));
            }
        };
    }

    private static void dropHandlerLookup(BeanDefinition definition) {
        for (ConstructorArgumentValues.ValueHolder argument
                : definition.getConstructorArgumentValues().getIndexedArgumentValues().values()) {
            if (argument.getValue() instanceof List<?> filters) {
                filters.removeIf(filter -> filter instanceof BeanDefinition inner
                        && HANDLER_LOOKUP_FILTER.equals(inner.getBeanClassName()));
                filters.stream().filter(BeanDefinition.class::isInstance).map(BeanDefinition.class::cast)
                        .forEach(SecurityConfiguration::dropHandlerLookup);
            }
        }
    }

    /** Spring Security's firewall, refusing what it refuses by default, with cheaper checks ({@link HeaderCharacters}). */
    @Bean
    WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = HeaderCharacters.firewall();
        return web -> web.httpFirewall(firewall);
    }

    /** A request the firewall refuses before any filter (an encoded slash or a control character in the path) is 400. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
    }

    /** A clinician or admin, or the athlete whose id is in the path. */
    static AuthorizationManager<RequestAuthorizationContext> ownAthleteOrCarer() {
        return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
            Authentication who = authentication.get();
            if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
                return new AuthorizationDecision(false);
            }
            boolean carer = Actors.has(who, Role.CLINICIAN) || Actors.has(who, Role.ADMIN);
            boolean self = Actors.has(who, Role.ATHLETE) && who.getName().equals(context.getVariables().get("athleteId"));
            return new AuthorizationDecision(carer || self);
        };
    }

    static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    /**
     * Tokens signed with the embedded default's own key (HS256 only: {@code alg: none} or any other algorithm is
     * refused), or issued by an external identity provider; either way with a subject and an expiry. Verified tokens
     * are remembered for a while ({@link VerifiedTokens}).
     */
    @Bean
    JwtDecoder jwtDecoder(JwtSettings settings) {
        long configured = Stream.of(settings.has(settings.issuerUri()), settings.has(settings.jwkSetUri()),
                settings.hmacKeyFile() != null).filter(set -> set).count();
        if (configured != 1) {
            throw new IllegalStateException("Set exactly one token source: STAMINA_JWT_ISSUER_URI or "
                    + "STAMINA_JWT_JWK_SET_URI (stamina.security.jwt.issuer-uri / jwk-set-uri), or, for the embedded "
                    + "default only, stamina.security.jwt.hmac-key-file");
        }
        NimbusJwtDecoder decoder;
        OAuth2TokenValidator<Jwt> standard;
        if (settings.hmacKeyFile() != null) {
            decoder = NimbusJwtDecoder.withSecretKey(HmacKey.loadOrCreate(settings.hmacKeyFile()))
                    .macAlgorithm(MacAlgorithm.HS256).build();
            standard = JwtValidators.createDefault();
        } else if (settings.has(settings.issuerUri())) {
            decoder = NimbusJwtDecoder.withIssuerLocation(settings.issuerUri()).build();
            standard = JwtValidators.createDefaultWithIssuer(settings.issuerUri());
        } else {
            decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
            standard = JwtValidators.createDefault();
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(standard, requiresSubjectAndExpiry());
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator);
    }

    private static OAuth2TokenValidator<Jwt> requiresSubjectAndExpiry() {
        return jwt -> jwt.getSubject() != null && !jwt.getSubject().isBlank() && jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "a token needs sub and exp", null));
    }
}
