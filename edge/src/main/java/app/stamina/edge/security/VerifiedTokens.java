package app.stamina.edge.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;

/**
 * Remembers, for {@link #REMEMBERED} at most, the tokens whose signature it has verified, so that a client's next
 * request with the same token skips parsing it and checking its signature again (a tenth of the CPU of a
 * {@code GET /progress}). The exact token text is the key: a token changed in any way is verified afresh. Its claims
 * (expiry above all) are validated again on every request, so a remembered token stops working when it expires. A
 * signing key an identity provider withdraws stops a remembered token within {@link #REMEMBERED}.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration REMEMBERED = Duration.ofMinutes(5);
    private static final int MAX_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS).expireAfterWrite(REMEMBERED).build();

    /** {@code decoder} verifies and validates with {@code validator}, which this applies again to remembered tokens. */
    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        this.decoder = decoder;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = verified.getIfPresent(token);
        if (remembered != null) {
            OAuth2TokenValidatorResult result = validator.validate(remembered);
            if (!result.hasErrors()) {
                return remembered;
            }
            verified.invalidate(token);
            throw new JwtValidationException("the token is no longer valid", result.getErrors());
        }
        Jwt jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
