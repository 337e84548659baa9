package app.stamina.query.athlete;

import org.springframework.util.unit.DataSize;

/**
 * How much memory the kept athlete documents may take ({@code stamina.query.written-views-memory}): a share of the
 * heap ({@code 20%}), so that a larger heap keeps more athletes and a smaller one is not filled by them, or a size
 * ({@code 96MB}, {@code 512KB}; a plain number is bytes).
 */
final class KeptMemory {

    private KeptMemory() {
    }

    /** The bytes {@code setting} stands for in a heap of at most {@code maxHeap} bytes. */
    static long bytes(String setting, long maxHeap) {
        String value = setting.strip();
        try {
            if (value.endsWith("%")) {
                double percent = Double.parseDouble(value.substring(0, value.length() - 1).strip());
                if (!(percent > 0 && percent <= 100)) {
                    throw new IllegalArgumentException("the share must be more than 0 % and at most 100 %");
                }
                return (long) (maxHeap * percent / 100);
            }
            long bytes = DataSize.parse(value).toBytes();
            if (bytes < 0) {
                throw new IllegalArgumentException("a size must not be negative");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stamina.query.written-views-memory must be a share of the heap such as"
                    + " 20% or a size such as 96MB, not '" + setting + "': " + e.getMessage(), e);
        }
    }
}
