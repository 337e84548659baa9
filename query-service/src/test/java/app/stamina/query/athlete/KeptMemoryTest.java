package app.stamina.query.athlete;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeptMemoryTest {

    private static final long HEAP = 512L << 20;

    @Test
    void aShareIsTakenOfTheHeap() {
        assertThat(KeptMemory.bytes("20%", HEAP)).isEqualTo((long) (HEAP * 0.2));
        assertThat(KeptMemory.bytes(" 12.5 % ", HEAP)).isEqualTo(64L << 20);
        assertThat(KeptMemory.bytes("100%", HEAP)).isEqualTo(HEAP);
    }

    @Test
    void aSizeIsTakenAsItIs() {
        assertThat(KeptMemory.bytes("96MB", HEAP)).isEqualTo(96L << 20);
        assertThat(KeptMemory.bytes("512KB", HEAP)).isEqualTo(512L << 10);
        assertThat(KeptMemory.bytes("4096", HEAP)).isEqualTo(4096);
        assertThat(KeptMemory.bytes("0", HEAP)).as("nothing kept").isZero();
    }

    @Test
    void anythingElseIsRefusedWithTheSettingsName() {
        for (String bad : new String[] {"lots", "0%", "150%", "-5%", "-1MB", "12 apples", ""}) {
            assertThatThrownBy(() -> KeptMemory.bytes(bad, HEAP)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("stamina.query.written-views-memory")
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
