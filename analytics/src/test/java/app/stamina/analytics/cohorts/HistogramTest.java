package app.stamina.analytics.cohorts;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The histograms every cohort figure is counted in, against a plain map of counts. */
class HistogramTest {

    @Test
    void countsAddAndTakeAwayExactly() {
        Histogram histogram = new Histogram();
        histogram.add(90, 2);
        histogram.add(30, 1);
        histogram.add(60, 3);
        histogram.add(90, -2);

        assertThat(histogram.values()).containsExactly(30L, 60L);
        assertThat(histogram.count(90)).isZero();
        assertThat(histogram.count(60)).isEqualTo(3);
        assertThat(histogram.n()).isEqualTo(4);
        assertThat(histogram.sum()).isEqualTo(30 + 3 * 60);
        assertThat(histogram.valueAt(0)).isEqualTo(30);
        assertThat(histogram.valueAt(3)).isEqualTo(60);
        assertThatThrownBy(() -> histogram.valueAt(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aMergedHistogramTakenAwayAgainLeavesNothing() {
        Histogram group = new Histogram();
        Histogram cell = new Histogram();
        cell.add(5, 2);
        cell.add(7, 1);
        group.add(7, 4);
        group.addAll(cell);

        assertThat(group.values()).containsExactly(5L, 7L);
        assertThat(group.count(7)).isEqualTo(5);

        group.addAll(cell, -1);
        group.add(7, -4);
        assertThat(group.isEmpty()).isTrue();
        assertThat(group.values()).isEmpty();
    }

    @Test
    void agreesWithAMapOfCountsOverManyChangesInAnyOrder() {
        Random random = new Random(8);
        Histogram histogram = new Histogram();
        TreeMap<Long, Long> expected = new TreeMap<>();
        for (int change = 0; change < 5_000; change++) {
            long value = random.nextInt(200) - 20;
            long count = random.nextInt(7) - 3;
            if (random.nextInt(10) == 0) {
                Histogram other = new Histogram();
                other.add(value, count);
                other.add(value + 1, 1);
                int sign = random.nextBoolean() ? 1 : -1;
                histogram.addAll(other, sign);
                add(expected, value, sign * count);
                add(expected, value + 1, sign);
            } else {
                histogram.add(value, count);
                add(expected, value, count);
            }
        }

        assertThat(histogram.values()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((value, count) ->
                assertThat(histogram.count(value)).as("count of %d", value).isEqualTo(count));
        assertThat(histogram.n()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
        assertThat(histogram.sum()).isEqualTo(expected.entrySet().stream()
                .mapToLong(entry -> entry.getKey() * entry.getValue()).sum());
    }

    @Test
    void ranksRunThroughTheOccurrencesInOrder() {
        Histogram histogram = new Histogram();
        List<Long> occurrences = new ArrayList<>();
        for (long value = 40; value > 0; value -= 3) {
            histogram.add(value, value % 4 + 1);
            for (int i = 0; i < value % 4 + 1; i++) {
                occurrences.addFirst(value);
            }
        }

        for (int rank = 0; rank < occurrences.size(); rank++) {
            assertThat(histogram.valueAt(rank)).as("value at rank %d", rank).isEqualTo(occurrences.get(rank));
        }
    }

    private static void add(TreeMap<Long, Long> counts, long value, long count) {
        counts.merge(value, count, (a, b) -> a + b == 0 ? null : a + b);
        counts.remove(value, 0L);
    }
}
