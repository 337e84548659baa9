package app.stamina.edge.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where tokens come from ({@code stamina.security.jwt.*}): an external issuer (its {@code issuer-uri}, or only its
 * {@code jwk-set-uri}) everywhere but on a laptop, where the embedded default signs its own with the key in
 * {@code hmac-key-file}. Exactly one must be set.
 */
@ConfigurationProperties("stamina.security.jwt")
public record JwtSettings(String issuerUri, String jwkSetUri, Path hmacKeyFile) {

    boolean has(String value) {
        return value != null && !value.isBlank();
    }
}
