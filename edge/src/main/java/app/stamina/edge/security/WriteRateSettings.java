package app.stamina.edge.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Writes each token subject may make ({@code stamina.security.write-rate.*}): {@code per-second} sustained, in
 * bursts of up to {@code burst}. A sync of a thousand facts is one write.
 */
@ConfigurationProperties("stamina.security.write-rate")
public record WriteRateSettings(@DefaultValue("true") boolean enabled, @DefaultValue("100") long perSecond,
                                @DefaultValue("500") long burst) {
}
