package io.impactproof.protocols.engine;

import io.impactproof.protocols.ProtocolError;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.model.Tolerance;
import io.impactproof.protocols.model.ValueRule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Combines verifiers' values into one. Pure decimal arithmetic at the protocol's scale, so every
 * node agrees. This record is immutable.
 *
 * <p>A value agrees when it lies within the tolerance of the median of all values: |v − median| ≤
 * max(absolute, relative × |median|). The verifiers reach consensus when at least {@code quorum}
 * values agree; the rule (median, minimum, mean) then fixes the value from the agreeing values
 * only. An outlier is therefore outvoted once enough designated verifiers agree — the way out of a
 * dispute — but never averaged in.
 *
 * @param agree whether at least the quorum of values agree
 * @param value the value fixed by the rule over the agreeing values, at the protocol's scale
 *     (HALF_EVEN); meaningful only when {@code agree}
 * @param spread max − min over all values
 * @param agreeing how many values agree
 */
public record Consensus(boolean agree, BigDecimal value, BigDecimal spread, int agreeing) {

    public static Consensus decide(
            final List<BigDecimal> values,
            final Tolerance tolerance,
            final ValueRule rule,
            final int quorum,
            final int scale) {
        if (values == null || values.isEmpty()) {
            throw new ProtocolException(ProtocolError.VALUES_INVALID, "no values to combine");
        }
        final List<BigDecimal> sorted = sorted(values);
        final BigDecimal spread = sorted.get(sorted.size() - 1).subtract(sorted.get(0));
        final BigDecimal median = median(sorted, scale);
        final BigDecimal band = band(tolerance, median);
        final List<BigDecimal> agreeing = sorted.stream()
                .filter(v -> v.subtract(median).abs().compareTo(band) <= 0)
                .toList();
        final BigDecimal value = agreeing.isEmpty() ? median : apply(rule, agreeing, scale);
        return new Consensus(agreeing.size() >= quorum, value, spread, agreeing.size());
    }

    private static BigDecimal band(final Tolerance tolerance, final BigDecimal median) {
        final BigDecimal absolute = tolerance.absolute() == null ? BigDecimal.ZERO : tolerance.absolute();
        final BigDecimal relative = tolerance.relative() == null
                ? BigDecimal.ZERO
                : tolerance.relative().multiply(median.abs());
        return absolute.max(relative);
    }

    private static BigDecimal apply(final ValueRule rule, final List<BigDecimal> sorted, final int scale) {
        return switch (rule) {
            case MEDIAN -> median(sorted, scale);
            case MINIMUM -> sorted.get(0).setScale(scale, RoundingMode.HALF_EVEN);
            case MEAN ->
                sorted.stream()
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(sorted.size()), MathContext.DECIMAL128)
                        .setScale(scale, RoundingMode.HALF_EVEN);
        };
    }

    private static List<BigDecimal> sorted(final List<BigDecimal> values) {
        final List<BigDecimal> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    private static BigDecimal median(final List<BigDecimal> sorted, final int scale) {
        final int n = sorted.size();
        final BigDecimal middle = n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL128);
        return middle.setScale(scale, RoundingMode.HALF_EVEN);
    }
}
