package app.stamina.standalone;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Where the embedded default keeps its data ({@code stamina.data-dir}, default {@code ./data}) and which port its
 * PostgreSQL listens on ({@code stamina.embedded.postgres-port}; 0 picks a free one at every start).
 */
@ConfigurationProperties("stamina")
public record StandaloneProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Embedded embedded) {

    public record Embedded(@DefaultValue("0") int postgresPort) {
    }
}
