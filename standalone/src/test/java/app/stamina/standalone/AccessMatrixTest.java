package app.stamina.standalone;

import app.stamina.edge.security.HmacKey;
import app.stamina.standalone.StandaloneHttp.Reply;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import javax.crypto.SecretKey;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint, every role, the own and a foreign athlete: who gets through (any answer but 401 and 403), who is
 * refused (403 with a valid token, 401 without one), and the attacks on tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private static final String ADA = "ada-matrix";

    enum Caller { NONE, OWN_ATHLETE, OTHER_ATHLETE, CLINICIAN, RESEARCHER, ADMIN }

    private static final Set<Caller> ATHLETE_CARE = Set.of(Caller.OWN_ATHLETE, Caller.CLINICIAN, Caller.ADMIN);
    private static final Set<Caller> CLINICAL = Set.of(Caller.CLINICIAN, Caller.ADMIN);
    private static final Set<Caller> COHORTS = Set.of(Caller.RESEARCHER, Caller.CLINICIAN, Caller.ADMIN);
    private static final Set<Caller> EXPORTS = Set.of(Caller.RESEARCHER, Caller.ADMIN);
    private static final Set<Caller> ADMINS = Set.of(Caller.ADMIN);
    private static final Set<Caller> EVERYONE = Set.of(Caller.values());

    @TempDir
    static Path dataDir;
    ConfigurableApplicationContext app;
    StandaloneHttp http;
    final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

    @BeforeAll
    void start() throws Exception {
        app = StaminaStandalone.application().run("--server.port=0", "--stamina.data-dir=" + dataDir);
        http = new StandaloneHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        tokens.put(Caller.OWN_ATHLETE, http.tokenFor(ADA, "athlete"));
        tokens.put(Caller.OTHER_ATHLETE, http.tokenFor("bob-matrix", "athlete"));
        tokens.put(Caller.CLINICIAN, http.tokenFor("nurse-ann", "clinician"));
        tokens.put(Caller.RESEARCHER, http.tokenFor("dr-rui", "researcher"));
        tokens.put(Caller.ADMIN, http.tokenFor("ops-ola", "admin"));
        assertThat(http.post("/api/v1/athletes/" + ADA + "/enrollment", StandaloneHttp.enrollment()).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    record Endpoint(String method, String path, String body, Set<Caller> allowed) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        String athlete = "/api/v1/athletes/" + ADA;
        String at = "2026-11-03T18:00:00+01:00";
        return List.of(
                new Endpoint("POST", athlete + "/enrollment", "ENROLLMENT", ATHLETE_CARE),
                new Endpoint("POST", athlete + "/holds", """
                        {"eventId":"ID","occurredAt":"AT","durationSeconds":61,"placement":"none","neutralHeld":true,"pain":1}"""
                        .replace("AT", at), ATHLETE_CARE),
                new Endpoint("POST", athlete + "/reps", """
                        {"eventId":"ID","occurredAt":"AT","lift":"bench-press","set":1,"rep":1,"load":{"value":20,"unit":"kg"},
                         "inCommand":true,"beltUsed":false,"pain":0}""".replace("AT", at), ATHLETE_CARE),
                new Endpoint("POST", athlete + "/working-loads", """
                        {"eventId":"ID","lift":"deadlift","load":{"value":135,"unit":"lb"}}""", ATHLETE_CARE),
                new Endpoint("POST", athlete + "/load-increases", """
                        {"eventId":"ID","lift":"deadlift","toLoad":{"value":155,"unit":"lb"}}""", ATHLETE_CARE),
                new Endpoint("POST", athlete + "/setbacks", """
                        {"eventId":"ID","occurredAt":"AT","severity":"mild","symptoms":["stiffness"]}""".replace("AT", at), ATHLETE_CARE),
                new Endpoint("POST", athlete + "/sync", """
                        {"entries":[{"type":"hold","eventId":"ID","occurredAt":"AT","durationSeconds":30,"placement":"none",
                         "neutralHeld":true,"pain":1}]}""".replace("AT", at), ATHLETE_CARE),
                new Endpoint("POST", athlete + "/resume", "{\"eventId\":\"ID\",\"note\":\"cleared\"}", CLINICAL),
                new Endpoint("GET", athlete + "/progress", null, ATHLETE_CARE),
                new Endpoint("GET", athlete + "/stamina-trend", null, ATHLETE_CARE),
                new Endpoint("GET", athlete + "/timeline", null, ATHLETE_CARE),
                new Endpoint("GET", athlete + "/progress/stream", null, ATHLETE_CARE),
                new Endpoint("GET", "/api/v1/cohorts?groupBy=condition", null, COHORTS),
                new Endpoint("GET", "/api/v1/cohorts/trends?metric=bestHoldSeconds", null, COHORTS),
                new Endpoint("GET", "/api/v1/cohorts/milestones?milestone=hold-60s", null, COHORTS),
                new Endpoint("GET", "/api/v1/exports/cohort-trends?metric=bestHoldSeconds&format=csv", null, EXPORTS),
                new Endpoint("GET", "/api/v1/exports/athlete-weeks?format=ndjson", null, EXPORTS),
                new Endpoint("GET", "/api/v1/admin/read-models/rebuild", null, ADMINS),
                new Endpoint("GET", "/actuator/prometheus", null, ADMINS),
                new Endpoint("GET", "/actuator/health", null, EVERYONE),
                new Endpoint("GET", "/v3/api-docs", null, EVERYONE),
                new Endpoint("GET", "/swagger-ui/index.html", null, EVERYONE),
                new Endpoint("GET", "/", null, EVERYONE),
                new Endpoint("GET", "/web/app.js", null, EVERYONE),
                new Endpoint("POST", "/api/v1/dev/tokens", "{\"sub\":\"x\",\"roles\":[\"athlete\"]}", EVERYONE));
    }

    Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(endpoint, caller));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyEndpointLetsInExactlyItsRoles(Endpoint endpoint, Caller caller) throws Exception {
        int status = call(endpoint, tokens.get(caller));
        if (endpoint.allowed().contains(caller)) {
            assertThat(status).as("%s as %s", endpoint, caller).isNotIn(401, 403);
        } else if (caller == Caller.NONE) {
            assertThat(status).as("%s without a token", endpoint).isEqualTo(401);
        } else {
            assertThat(status).as("%s as %s", endpoint, caller).isEqualTo(403);
        }
    }

    private int call(Endpoint endpoint, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(endpoint.path())).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (endpoint.method().equals("POST")) {
            String body = endpoint.body().equals("ENROLLMENT") ? StandaloneHttp.enrollment()
                    : endpoint.body().replace("ID", UUID.randomUUID().toString());
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.GET();
        }
        // Streams answer their status at once and stay open: read the status, then let go.
        HttpResponse<java.io.InputStream> response = http.client().sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(30, TimeUnit.SECONDS);
        response.body().close();
        return response.statusCode();
    }

    @Test
    void theOpenApiDocumentPublishesEveryPathOfTheContractBehindABearerToken() throws Exception {
        StandaloneHttp.Reply docs = http.send(HttpRequest.newBuilder(http.uri("/v3/api-docs")).GET());
        assertThat(docs.json().path("openapi").asText()).startsWith("3.");
        assertThat(docs.json().path("paths").properties().stream().map(Map.Entry::getKey).toList()).contains(
                "/api/v1/athletes/{athleteId}/enrollment", "/api/v1/athletes/{athleteId}/holds",
                "/api/v1/athletes/{athleteId}/reps", "/api/v1/athletes/{athleteId}/working-loads",
                "/api/v1/athletes/{athleteId}/load-increases", "/api/v1/athletes/{athleteId}/setbacks",
                "/api/v1/athletes/{athleteId}/resume", "/api/v1/athletes/{athleteId}/sync",
                "/api/v1/athletes/{athleteId}/progress", "/api/v1/athletes/{athleteId}/stamina-trend",
                "/api/v1/athletes/{athleteId}/timeline", "/api/v1/athletes/{athleteId}/progress/stream",
                "/api/v1/cohorts", "/api/v1/cohorts/trends", "/api/v1/cohorts/milestones",
                "/api/v1/exports/cohort-trends", "/api/v1/exports/athlete-weeks");
        assertThat(docs.json().at("/components/securitySchemes/bearer-jwt/scheme").asText()).isEqualTo("bearer");
    }

    /**
     * Spring Security decides on the request's path alone: nothing in front of its chain looks up the request's
     * handler for it (that look-up, {@code HandlerMappingIntrospector}'s, is the {@code DispatcherServlet}'s to do).
     */
    @Test
    void securityLeavesLookingUpTheHandlerToTheDispatcher() throws Exception {
        Filter security = app.getBean("springSecurityFilterChain", Filter.class);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/athletes/" + ADA + "/progress");
        request.addHeader("Authorization", "Bearer " + tokens.get(Caller.OWN_ATHLETE));
        List<String> attributesPastSecurity = new ArrayList<>();
        security.doFilter(request, new MockHttpServletResponse(),
                (passed, response) -> attributesPastSecurity.addAll(Collections.list(passed.getAttributeNames())));
        assertThat(attributesPastSecurity).as("the request got through").isNotEmpty()
                .noneMatch(name -> name.startsWith(HandlerMappingIntrospector.class.getName()));
    }

    /**
     * Each request reaches the handler its path, method and media type choose, with the mappings' paths compared
     * first and the actuator's endpoints asked after the application's (edge's {@code HandlerLookup}): a path no
     * mapping has is 404, a method it does not take 405, a media type it cannot write 406.
     */
    @Test
    void eachRequestFindsTheHandlerOfItsPathMethodAndMediaType() throws Exception {
        String progress = "/api/v1/athletes/" + ADA + "/progress";
        String clinician = "Bearer " + tokens.get(Caller.CLINICIAN);
        Reply json = http.send(HttpRequest.newBuilder(http.uri(progress)).header("Authorization", clinician)
                .header("Accept", "application/json").GET());
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().path("athleteId").asText()).isEqualTo(ADA);
        assertThat(http.send(HttpRequest.newBuilder(http.uri(progress)).header("Authorization", clinician)
                .header("Accept", "text/csv").GET()).status()).isEqualTo(406);
        assertThat(http.send(HttpRequest.newBuilder(http.uri(progress)).header("Authorization", clinician)
                .DELETE()).status()).isEqualTo(405);
        assertThat(withToken(tokens.get(Caller.CLINICIAN), "/api/v1/athletes/" + ADA + "/no-such-thing").status())
                .isEqualTo(404);
        Reply stream = http.send(HttpRequest.newBuilder(http.uri(progress + "/stream")).header("Authorization", clinician)
                .header("Accept", "application/json").GET());
        assertThat(stream.status()).as("the stream writes only events").isEqualTo(406);
        Reply health = http.send(HttpRequest.newBuilder(http.uri("/actuator/health")).GET());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(http.get("/actuator/prometheus").text()).as("requests timed, with no in-flight timer beside")
                .contains("http_server_requests_seconds_count").doesNotContain("http_server_requests_active");
    }

    @Test
    void aRefusalSaysWhyInAProblemWithACode() throws Exception {
        Reply anonymous = http.send(HttpRequest.newBuilder(http.uri("/api/v1/athletes/" + ADA + "/progress")).GET());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("code").asText()).isEqualTo("unauthorized");
        assertThat(anonymous.response().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        Reply foreign = withToken(tokens.get(Caller.OTHER_ATHLETE), "/api/v1/athletes/" + ADA + "/progress");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().path("code").asText()).isEqualTo("forbidden");
    }

    @Test
    void theTimelineShowsWhoDidWhat() throws Exception {
        String athlete = "/api/v1/athletes/" + ADA;
        String holdId = UUID.randomUUID().toString();
        Reply hold = http.send(HttpRequest.newBuilder(http.uri(athlete + "/holds"))
                .header("Authorization", "Bearer " + tokens.get(Caller.OWN_ATHLETE)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(StandaloneHttp.hold(holdId, "2026-11-05T18:00:00+01:00", 125))));
        long version = hold.json().path("version").asLong();
        Reply timeline = withToken(tokens.get(Caller.CLINICIAN), athlete + "/timeline?limit=1000&minVersion=" + version);
        List<com.fasterxml.jackson.databind.JsonNode> events = new ArrayList<>();
        timeline.json().path("events").forEach(events::add);
        var recorded = events.stream().filter(e -> e.path("eventId").asText().equals(holdId)).findFirst().orElseThrow();
        assertThat(recorded.path("actor").path("sub").asText()).isEqualTo(ADA);
        assertThat(recorded.path("actor").path("role").asText()).isEqualTo("athlete");
        assertThat(events.stream().filter(e -> e.path("version").asLong() > recorded.path("version").asLong()))
                .as("what the hold caused records the same actor")
                .allMatch(e -> e.path("actor").path("sub").asText().equals(ADA));
        assertThat(events.getFirst().path("actor").path("role").asText()).as("the enrollment, by an admin").isEqualTo("admin");
    }

    Stream<Arguments> attacks() throws Exception {
        SecretKey key = HmacKey.loadOrCreate(dataDir.resolve("security/jwt-hs256.key"));
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        String valid = tokens.get(Caller.OWN_ATHLETE);
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String asAdmin = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"athlete\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("expired", sign(key.getEncoded(), JWSAlgorithm.HS256, ADA, now.minusSeconds(3600))),
                Arguments.of("tampered roles", parts[0] + "." + asAdmin + "." + parts[2]),
                Arguments.of("signed with another key", sign(otherKey, JWSAlgorithm.HS256, ADA, now.plusSeconds(3600))),
                Arguments.of("alg none", none + "." + parts[1] + "."),
                Arguments.of("signed with HS512", sign(concat(key.getEncoded(), key.getEncoded()), JWSAlgorithm.HS512, ADA, now.plusSeconds(3600))),
                Arguments.of("without expiry", sign(key.getEncoded(), JWSAlgorithm.HS256, ADA, null)),
                Arguments.of("garbage", "not.a.token"),
                Arguments.of("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void aBadTokenIsUnauthorized(String attack, String token) throws Exception {
        Reply reply = withToken(token, "/api/v1/athletes/" + ADA + "/progress");
        assertThat(reply.status()).as(attack).isEqualTo(401);
        assertThat(reply.json().path("code").asText()).isEqualTo("unauthorized");
    }

    @Test
    void theOwnValidTokenGetsThrough() throws Exception {
        assertThat(withToken(tokens.get(Caller.OWN_ATHLETE), "/api/v1/athletes/" + ADA + "/progress?minVersion=1").status())
                .isEqualTo(200);
    }

    @Test
    void basicAuthenticationIsNoToken() throws Exception {
        Reply reply = http.send(HttpRequest.newBuilder(http.uri("/api/v1/athletes/" + ADA + "/progress"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes())).GET());
        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void devTokensAreOnlyForKnownRoles() throws Exception {
        Reply reply = http.send(HttpRequest.newBuilder(http.uri("/api/v1/dev/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"x\",\"roles\":[\"superuser\"]}")));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("roles");
    }

    private Reply withToken(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    private static String sign(byte[] key, JWSAlgorithm algorithm, String sub, Instant expiresAt) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(sub).claim("roles", List.of("athlete"))
                .issueTime(new Date());
        if (expiresAt != null) {
            claims.expirationTime(Date.from(expiresAt));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims.build());
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
