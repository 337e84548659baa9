package app.stamina.standalone;

import app.stamina.api.AthleteId;
import app.stamina.edge.InvalidRequest;
import app.stamina.edge.security.HmacKey;
import app.stamina.edge.security.JwtSettings;
import app.stamina.edge.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/dev/tokens}: the embedded default hands out tokens signed with its own key, for trying
 * Stamina on a laptop. It exists in the standalone application only; the services alone have no such endpoint.
 */
@RestController
class DevTokens {

    static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);
    static final Duration LONGEST_LIFETIME = Duration.ofDays(30);

    private final JwtEncoder encoder;
    private final Clock clock;

    DevTokens(JwtSettings settings, Clock clock) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(HmacKey.loadOrCreate(settings.hmacKeyFile())));
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/dev/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> issue(@RequestBody JsonNode body) {
        String sub = body.path("sub").asText("");
        try {
            AthleteId.of(sub);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("sub", "must be 1 to 64 characters of A-Z a-z 0-9 _ -");
        }
        List<String> roles = new ArrayList<>();
        body.path("roles").forEach(role -> roles.add(role.asText()));
        List<String> known = List.of(Role.values()).stream().map(Role::code).toList();
        if (roles.isEmpty() || !known.containsAll(roles)) {
            throw InvalidRequest.of("roles", "must be a non-empty list of " + known);
        }
        Duration lifetime = body.has("ttlSeconds") ? Duration.ofSeconds(body.path("ttlSeconds").asLong()) : DEFAULT_LIFETIME;
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(LONGEST_LIFETIME) > 0) {
            throw InvalidRequest.of("ttlSeconds", "must be 1 to " + LONGEST_LIFETIME.toSeconds());
        }
        return Map.of("token", token(sub, roles, lifetime));
    }

    /** A token for {@code sub} with {@code roles}, signed with the embedded default's key. */
    String token(String sub, List<String> roles, Duration lifetime) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("stamina-standalone")
                .subject(sub)
                .issuedAt(clock.instant())
                .expiresAt(clock.instant().plus(lifetime))
                .claim("roles", roles)
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
