package app.stamina.edge.security;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded default's token key: 256 random bits, generated at first start into a file readable by its owner
 * only, and read from there ever after, so tokens stay valid across restarts.
 */
public final class HmacKey {

    static final String ALGORITHM = "HmacSHA256";
    private static final int BYTES = 32;

    private HmacKey() {
    }

    public static SecretKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[BYTES];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the data directory's own permissions apply.
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length < BYTES) {
                throw new IllegalStateException("the token key in " + file + " is shorter than 256 bits");
            }
            return new SecretKeySpec(key, ALGORITHM);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the token key " + file, e);
        }
    }
}
