package app.stamina.analytics.cohorts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Exact quartiles and mean of integer values: linear interpolation between order statistics ("type 7", as R and
 * NumPy do by default), scaled back by {@code unit} (1 for seconds, 1000 for grams shown in kilograms).
 */
record Quartiles(int n, BigDecimal p25, BigDecimal p50, BigDecimal p75, BigDecimal mean) {

    static Quartiles of(long[] values, int unit) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        BigDecimal scale = BigDecimal.valueOf(unit);
        long sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf((long) sorted.length).multiply(scale), 2,
                RoundingMode.HALF_EVEN);
        return new Quartiles(sorted.length, quantile(sorted, 1, 4, scale), quantile(sorted, 1, 2, scale),
                quantile(sorted, 3, 4, scale), mean.stripTrailingZeros());
    }

    /** The type-7 quantile p = num/den: h = (n - 1) p, between x[floor h] and the next by the fraction of h. */
    static BigDecimal quantile(long[] sorted, int num, int den, BigDecimal scale) {
        long h = (long) (sorted.length - 1) * num;
        int lower = (int) (h / den);
        long fractionNum = h % den;
        BigDecimal value = BigDecimal.valueOf(sorted[lower]);
        if (fractionNum != 0) {
            BigDecimal step = BigDecimal.valueOf(sorted[lower + 1] - sorted[lower])
                    .multiply(BigDecimal.valueOf(fractionNum)).divide(BigDecimal.valueOf(den));
            value = value.add(step);
        }
        BigDecimal scaled = value.divide(scale);
        return scaled.signum() == 0 ? BigDecimal.ZERO : scaled.stripTrailingZeros();
    }
}
