package app.stamina.command;

import app.stamina.edge.security.HmacKey;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Tokens for the test application, signed with its key as the embedded default signs its own. */
public final class TestTokens {

    static final Path KEY_FILE;

    static {
        try {
            KEY_FILE = Files.createTempDirectory("stamina-test-key").resolve("jwt-hs256.key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestTokens() {
    }

    public static String token(String sub, String... roles) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(HmacKey.loadOrCreate(KEY_FILE)));
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(sub).issuedAt(Instant.now())
                .expiresAt(Instant.now().plus(1, ChronoUnit.HOURS)).claim("roles", List.of(roles)).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    public static String admin() {
        return token("test-admin", "admin");
    }
}
