package app.stamina.api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadTest {

    @Test
    void aPoundIsExactly0point45359237Kilograms() {
        assertThat(Load.lb("1").kg()).isEqualByComparingTo("0.45359237");
        assertThat(Load.lb("135").kg()).isEqualByComparingTo("61.23496995");
    }

    @Test
    void equalWeightsInDifferentNotationsAreEqualLoads() {
        assertThat(Load.kg("150.0")).isEqualTo(Load.kg("150"));
        assertThat(Load.kg("150").value().toPlainString()).isEqualTo("150");
    }

    @Test
    void theSameWeightInAnotherUnitWeighsTheSame() {
        assertThat(Load.lb("135").weighsTheSameAs(Load.kg("61.23496995"))).isTrue();
        assertThat(Load.lb("155").isHeavierThan(Load.lb("135"))).isTrue();
    }

    @Test
    void theLargestLoadWithinALimitIsWholePlatesInTheUnitAsked() {
        BigDecimal limit = Load.lb("155.25").kg();
        assertThat(Load.largestWithin(limit, LoadUnit.LB, new BigDecimal("5"), BigDecimal.ZERO)).isEqualTo(Load.lb("155"));
        assertThat(Load.largestWithin(limit, LoadUnit.KG, new BigDecimal("2.5"), BigDecimal.ZERO)).isEqualTo(Load.kg("70"));
    }

    @Test
    void whenNoWholePlateStepFitsTheLargestLoadIsToTheHundredth() {
        // From 10 kg, 15 % is 11.5 kg: the next 2.5 kg plate step (12.5) is too much, 10 is no step at all.
        assertThat(Load.largestWithin(new BigDecimal("11.5"), LoadUnit.KG, new BigDecimal("2.5"), BigDecimal.TEN)).isEqualTo(Load.kg("11.5"));
    }

    @Test
    void aLoadIsMoreThanZero() {
        assertThatThrownBy(() -> Load.kg("0")).isInstanceOf(IllegalArgumentException.class);
    }
}
