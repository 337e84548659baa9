package app.stamina.edge.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtDecoderSettingsTest {

    private final SecurityConfiguration security = new SecurityConfiguration();

    @Test
    void withoutATokenSourceTheServiceDoesNotStart() {
        assertThatThrownBy(() -> security.jwtDecoder(new JwtSettings(null, "", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("STAMINA_JWT_ISSUER_URI");
    }

    @Test
    void twoTokenSourcesAreOneTooMany(@TempDir Path dir) {
        assertThatThrownBy(() -> security.jwtDecoder(new JwtSettings("https://id.example/realms/stamina", null,
                dir.resolve("key")))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEmbeddedKeyIsCreatedOnceAndKeptOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("security/jwt-hs256.key");
        byte[] first = HmacKey.loadOrCreate(file).getEncoded();
        byte[] again = HmacKey.loadOrCreate(file).getEncoded();
        assertThat(again).isEqualTo(first).hasSize(32);
        assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }
}
