package app.stamina.analytics.export;

import app.stamina.edge.security.HmacKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * An athlete's pseudonym in exports: a keyed hash (HMAC-SHA-256) of their id, stable within one deployment and
 * useless without the key, which is generated at first start into {@code stamina.analytics.pseudonym-key-file}
 * (by default under the data directory) or provided there by the operator.
 */
@Component
public class Pseudonyms {

    private final SecretKey key;

    public Pseudonyms(@Value("${stamina.analytics.pseudonym-key-file}") Path keyFile) {
        this.key = HmacKey.loadOrCreate(keyFile);
    }

    public String of(String athleteId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] hash = mac.doFinal(athleteId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
