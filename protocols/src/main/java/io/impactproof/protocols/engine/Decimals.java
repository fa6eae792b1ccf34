package io.impactproof.protocols.engine;

import io.impactproof.protocols.ProtocolError;
import io.impactproof.protocols.ProtocolException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place where formula results become decimals, so that every node computes identical
 * values. This class is thread-safe.
 *
 * <p>Formulas run in IEEE 754 binary64 (CEL double; Java's double arithmetic is strict and so
 * identical on every JVM since Java 17). The result is converted with {@code new BigDecimal(double)},
 * which is the exact binary value (unlike {@code Double.toString}, whose digits changed in JDK 19),
 * then rounded to the protocol's decimal places with {@link RoundingMode#HALF_EVEN}. Values travel
 * and are stored as plain decimal strings with exactly that scale ("12.500").
 */
public final class Decimals {
    /** Beyond 10^15 a double no longer resolves a thousandth: refuse rather than round wrongly. */
    public static final double MAX_MAGNITUDE = 1e15;

    private static final java.util.regex.Pattern PLAIN =
            java.util.regex.Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?");

    private Decimals() {}

    public static BigDecimal of(final String name, final double value, final int scale) {
        if (!Double.isFinite(value)) {
            throw new ProtocolException(ProtocolError.CLAIM_VALUE_NOT_FINITE, name + " is " + value);
        }
        if (Math.abs(value) > MAX_MAGNITUDE) {
            throw new ProtocolException(ProtocolError.CLAIM_VALUE_OUT_OF_RANGE, name + " is " + value);
        }
        final BigDecimal rounded = new BigDecimal(value).setScale(scale, RoundingMode.HALF_EVEN);
        // -0.000 and 0.000 must be one value.
        return rounded.signum() == 0 ? BigDecimal.ZERO.setScale(scale) : rounded;
    }

    /** Parses a decimal string at the protocol's scale, refusing more digits than the scale allows. */
    public static BigDecimal parse(final String value, final int scale) {
        // Plain digits only: "1e3" or "+5" would parse, but a signed value must read the same everywhere.
        if (value == null || !PLAIN.matcher(value).matches()) {
            throw new ProtocolException(
                    ProtocolError.VALUES_INVALID, "not a plain decimal (digits, an optional point and sign): " + value);
        }
        final BigDecimal parsed;
        try {
            parsed = new BigDecimal(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ProtocolException(ProtocolError.VALUES_INVALID, "not a decimal: " + value, e);
        }
        if (parsed.stripTrailingZeros().scale() > scale
                || parsed.abs().compareTo(BigDecimal.valueOf(MAX_MAGNITUDE)) > 0) {
            throw new ProtocolException(
                    ProtocolError.VALUES_INVALID, value + " has more than " + scale + " decimals or is too large");
        }
        return parsed.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
