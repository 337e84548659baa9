package app.stamina.edge.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A remembered token is still checked on every request: it expires on time, and only its exact text is remembered. */
class VerifiedTokensTest {

    private final SecretKey key = new SecretKeySpec(filled(32), "HmacSHA256");
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private final VerifiedTokens tokens = tokens();

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() {
        String token = token("ann", clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(tokens.decode(token).getSubject()).isEqualTo("ann");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("ann");

        clock.move(Duration.ofMinutes(3));
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode(token)).as("and stays refused").isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenChangedInAnyWayIsVerifiedAfresh() {
        String token = token("ann", clock.instant().plus(Duration.ofMinutes(10)));
        tokens.decode(token);
        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);
        String otherSubject = token("bob", clock.instant().plus(Duration.ofMinutes(10)));
        String forged = otherSubject.split("\\.")[0] + "." + otherSubject.split("\\.")[1] + "." + parts[2];

        assertThatThrownBy(() -> tokens.decode(otherSignature)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).as("bob's claims under ann's signature").isInstanceOf(JwtException.class);
        assertThat(tokens.decode(token).getSubject()).isEqualTo("ann");
    }

    private VerifiedTokens tokens() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(timestamps);
        return new VerifiedTokens(decoder, timestamps);
    }

    private String token(String subject, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject).issuedAt(clock.instant()).expiresAt(expiresAt).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    private static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 7);
        return bytes;
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
