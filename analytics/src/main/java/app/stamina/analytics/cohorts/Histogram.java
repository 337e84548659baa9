package app.stamina.analytics.cohorts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How many times each integer value occurs. Histograms add up (and subtract) exactly, so the figures of a group are
 * those of its cells merged, and exact quartiles come out of the counts without the values themselves.
 * <p>
 * The cohort index keeps tens of thousands of them (per cell, week and metric), so they are kept as two arrays in
 * order of value, 16 bytes a value: a {@code TreeMap} of boxed longs took 56 to 80, and the histograms were an
 * eighth of the heap of a study of 10,000 athletes.
 */
final class Histogram {

    private static final long[] NONE = {};

    /** The values that occur, ascending, and how often each: the first {@code size} of each array. */
    private long[] values = NONE;
    private long[] counts = NONE;
    private int size;
    private long n;

    /** Adds {@code count} occurrences of {@code value}; a negative count takes them away. */
    void add(long value, long count) {
        if (count == 0) {
            return;
        }
        int at = Arrays.binarySearch(values, 0, size, value);
        if (at < 0) {
            insert(-at - 1, value, count);
        } else if (counts[at] + count == 0) {
            remove(at);
        } else {
            counts[at] += count;
        }
        n += count;
    }

    private void insert(int at, long value, long count) {
        if (size == values.length) {
            int capacity = size < 8 ? size + 2 : size + size / 2;
            values = Arrays.copyOf(values, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        System.arraycopy(values, at, values, at + 1, size - at);
        System.arraycopy(counts, at, counts, at + 1, size - at);
        values[at] = value;
        counts[at] = count;
        size++;
    }

    private void remove(int at) {
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        System.arraycopy(counts, at + 1, counts, at, size - at - 1);
        size--;
    }

    void addAll(Histogram other) {
        addAll(other, 1);
    }

    /** Adds every occurrence in {@code other}, or takes them away with {@code sign} -1: the two merged in order. */
    void addAll(Histogram other, int sign) {
        if (other.size == 0) {
            return;
        }
        long[] mergedValues = new long[size + other.size];
        long[] mergedCounts = new long[size + other.size];
        int i = 0;
        int j = 0;
        int merged = 0;
        while (i < size || j < other.size) {
            long value;
            long count;
            if (j == other.size || i < size && values[i] < other.values[j]) {
                value = values[i];
                count = counts[i++];
            } else if (i == size || other.values[j] < values[i]) {
                value = other.values[j];
                count = sign * other.counts[j++];
            } else {
                value = values[i];
                count = counts[i++] + sign * other.counts[j++];
            }
            if (count != 0) {
                mergedValues[merged] = value;
                mergedCounts[merged++] = count;
            }
        }
        values = mergedValues;
        counts = mergedCounts;
        size = merged;
        n += sign * other.n;
    }

    long n() {
        return n;
    }

    boolean isEmpty() {
        return n == 0;
    }

    /** How many times {@code value} occurs. */
    long count(long value) {
        int at = Arrays.binarySearch(values, 0, size, value);
        return at < 0 ? 0 : counts[at];
    }

    /** The values that occur, in order. */
    List<Long> values() {
        List<Long> occurring = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            occurring.add(values[i]);
        }
        return occurring;
    }

    long sum() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i] * counts[i];
        }
        return sum;
    }

    /** The value at 0-based position {@code rank} when all occurrences are put in order. */
    long valueAt(long rank) {
        long seen = 0;
        for (int i = 0; i < size; i++) {
            seen += counts[i];
            if (rank < seen) {
                return values[i];
            }
        }
        throw new IndexOutOfBoundsException("rank " + rank + " of " + n);
    }
}
