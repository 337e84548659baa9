package app.stamina.command;

import app.stamina.api.Lift;
import app.stamina.api.ProtocolRules;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolRulesBindingTest {

    private static ProtocolRules bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("stamina.protocol", ProtocolRules.class);
    }

    @Test
    void withNothingSetTheProtocolIsPROTOCOLmd() {
        assertThat(bind(Map.of())).isEqualTo(ProtocolRules.defaults());
        assertThat(ProtocolRules.defaults().painCeiling()).isEqualTo(3);
        assertThat(ProtocolRules.defaults().strength().firstLoadMaxFraction()).isEqualByComparingTo("0.45");
    }

    @Test
    void aSettingChangesOnlyItsOwnNumber() {
        ProtocolRules rules = bind(Map.of(
                "stamina.protocol.pain-ceiling", "4",
                "stamina.protocol.strength.spine-loading-lifts", "deadlift,squat",
                "stamina.protocol.strength.step-max-kg", "5",
                "stamina.protocol.future-tolerance", "10m"));
        assertThat(rules.painCeiling()).isEqualTo(4);
        assertThat(rules.strength().isGated(Lift.SQUAT)).isTrue();
        assertThat(rules.strength().isGated(Lift.BENT_OVER_ROW)).isFalse();
        assertThat(rules.strength().stepMaxKg()).isEqualByComparingTo(new BigDecimal("5"));
        assertThat(rules.strength().stepMaxFraction()).isEqualByComparingTo("0.15");
        assertThat(rules.stamina().hold120sSeconds()).isEqualTo(120);
        assertThat(rules.futureTolerance()).isEqualTo(Duration.ofMinutes(10));
    }
}
