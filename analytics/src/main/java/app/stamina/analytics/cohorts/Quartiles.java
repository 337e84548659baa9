package app.stamina.analytics.cohorts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact quartiles and mean of integer values: linear interpolation between order statistics ("type 7", as R and
 * NumPy do by default), scaled back by {@code unit} (1 for seconds, 1000 for grams shown in kilograms).
 */
record Quartiles(long n, BigDecimal p25, BigDecimal p50, BigDecimal p75, BigDecimal mean) {

    static Quartiles of(Histogram values, int unit) {
        BigDecimal scale = BigDecimal.valueOf(unit);
        BigDecimal mean = BigDecimal.valueOf(values.sum()).divide(BigDecimal.valueOf(values.n()).multiply(scale), 2,
                RoundingMode.HALF_EVEN);
        return new Quartiles(values.n(), quantile(values, 1, 4, scale), quantile(values, 1, 2, scale),
                quantile(values, 3, 4, scale), mean.stripTrailingZeros());
    }

    /** The type-7 quantile p = num/den: h = (n - 1) p, between x[floor h] and the next by the fraction of h. */
    static BigDecimal quantile(Histogram values, int num, int den, BigDecimal scale) {
        long h = (values.n() - 1) * num;
        long lower = h / den;
        long fractionNum = h % den;
        long atLower = values.valueAt(lower);
        BigDecimal value = BigDecimal.valueOf(atLower);
        if (fractionNum != 0) {
            BigDecimal step = BigDecimal.valueOf(values.valueAt(lower + 1) - atLower)
                    .multiply(BigDecimal.valueOf(fractionNum)).divide(BigDecimal.valueOf(den));
            value = value.add(step);
        }
        BigDecimal scaled = value.divide(scale);
        return scaled.signum() == 0 ? BigDecimal.ZERO : scaled.stripTrailingZeros();
    }
}
