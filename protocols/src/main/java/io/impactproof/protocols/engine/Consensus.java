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
 * Combines verifiers' values: whether they agree within the tolerance, and the value fixed by the
 * rule. Pure decimal arithmetic at the protocol's scale, so every node agrees. This record is
 * immutable.
 *
 * @param agree max − min ≤ absolute tolerance, or (max − min) ≤ relative tolerance × |median|
 * @param value the value fixed by the rule, at the protocol's scale (HALF_EVEN)
 * @param spread max − min
 */
public record Consensus(boolean agree, BigDecimal value, BigDecimal spread) {

    public static Consensus decide(
            final List<BigDecimal> values, final Tolerance tolerance, final ValueRule rule, final int scale) {
        if (values == null || values.isEmpty()) {
            throw new ProtocolException(ProtocolError.VALUES_INVALID, "no values to combine");
        }
        final List<BigDecimal> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        final BigDecimal min = sorted.get(0);
        final BigDecimal max = sorted.get(sorted.size() - 1);
        final BigDecimal spread = max.subtract(min);
        final BigDecimal median = median(sorted, scale);
        final boolean withinAbsolute = tolerance.absolute() != null && spread.compareTo(tolerance.absolute()) <= 0;
        final boolean withinRelative = tolerance.relative() != null
                && spread.compareTo(tolerance.relative().multiply(median.abs())) <= 0;
        final BigDecimal value = switch (rule) {
            case MEDIAN -> median;
            case MINIMUM -> min.setScale(scale, RoundingMode.HALF_EVEN);
            case MEAN ->
                sorted.stream()
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(sorted.size()), MathContext.DECIMAL128)
                        .setScale(scale, RoundingMode.HALF_EVEN);
        };
        return new Consensus(withinAbsolute || withinRelative, value, spread);
    }

    private static BigDecimal median(final List<BigDecimal> sorted, final int scale) {
        final int n = sorted.size();
        final BigDecimal middle = n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL128);
        return middle.setScale(scale, RoundingMode.HALF_EVEN);
    }
}
