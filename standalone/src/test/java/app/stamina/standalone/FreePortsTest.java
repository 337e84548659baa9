package app.stamina.standalone;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded servers' ports are found before any of them binds, so the ports promised to one (the broker's kept
 * ports, the HTTP port) are free when the others' are found. Those must never be handed out again.
 */
class FreePortsTest {

    private static final int MANY = 400;

    @Test
    void portsFoundTogetherDifferFromEachOtherAndFromThePromisedOnes() {
        // Ports found free and let go, as the broker's are after a kill: the kernel hands such ports out again
        // (several of 400 fresh picks land among 400 of them), so only leaving them out keeps them apart.
        Set<Integer> promised = distinct(FreePorts.otherThan(Set.of(), MANY));
        assertThat(promised).hasSize(MANY);

        Set<Integer> found = distinct(FreePorts.otherThan(promised, MANY));

        assertThat(found).hasSize(MANY).doesNotContainAnyElementsOf(promised);
    }

    private static Set<Integer> distinct(int[] ports) {
        return Arrays.stream(ports).boxed().collect(Collectors.toSet());
    }
}
