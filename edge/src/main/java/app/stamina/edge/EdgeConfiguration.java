package app.stamina.edge;

import app.stamina.api.ProtocolRules;
import app.stamina.api.StaminaJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;

import java.time.Clock;

/**
 * What every service shares at its edge: tokens and access rules, the one JSON form, the clock, the protocol's
 * numbers, and problem answers. Each service imports it.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@PropertySource("classpath:stamina-edge-defaults.properties")
public class EdgeConfiguration {

    @Bean
    @ConditionalOnMissingBean(ObjectMapper.class)
    ObjectMapper objectMapper() {
        return Problems.withProblemDetails(StaminaJson.mapper());
    }

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The protocol's numbers from {@code stamina.protocol.*}; whatever is not set keeps PROTOCOL.md's default. */
    @Bean
    @ConditionalOnMissingBean(ProtocolRules.class)
    ProtocolRules protocolRules(Environment environment) {
        return Binder.get(environment).bindOrCreate("stamina.protocol", ProtocolRules.class);
    }
}
