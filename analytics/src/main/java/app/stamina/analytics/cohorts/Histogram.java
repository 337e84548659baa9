package app.stamina.analytics.cohorts;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How many times each integer value occurs. Histograms add up (and subtract) exactly, so the figures of a group are
 * those of its cells merged, and exact quartiles come out of the counts without the values themselves.
 */
final class Histogram {

    private final TreeMap<Long, Long> counts = new TreeMap<>();
    private long n;

    /** Adds {@code count} occurrences of {@code value}; a negative count takes them away. */
    void add(long value, long count) {
        if (count == 0) {
            return;
        }
        counts.merge(value, count, (a, b) -> a + b == 0 ? null : a + b);
        n += count;
    }

    void addAll(Histogram other) {
        addAll(other, 1);
    }

    /** Adds every occurrence in {@code other}, or takes them away with {@code sign} -1. */
    void addAll(Histogram other, int sign) {
        other.counts.forEach((value, count) -> add(value, sign * count));
    }

    long n() {
        return n;
    }

    boolean isEmpty() {
        return n == 0;
    }

    /** How many times {@code value} occurs. */
    long count(long value) {
        return counts.getOrDefault(value, 0L);
    }

    /** The values that occur, in order. */
    Set<Long> values() {
        return counts.keySet();
    }

    long sum() {
        long sum = 0;
        for (Map.Entry<Long, Long> entry : counts.entrySet()) {
            sum += entry.getKey() * entry.getValue();
        }
        return sum;
    }

    /** The value at 0-based position {@code rank} when all occurrences are put in order. */
    long valueAt(long rank) {
        long seen = 0;
        for (Map.Entry<Long, Long> entry : counts.entrySet()) {
            seen += entry.getValue();
            if (rank < seen) {
                return entry.getKey();
            }
        }
        throw new IndexOutOfBoundsException("rank " + rank + " of " + n);
    }
}
