package io.impactproof.chaincode.campaign;

import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.model.RegistryError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Amounts of money on the ledger: plain decimal strings with exactly two decimals (cents), never
 * floating point, so every peer writes the same bytes. This class is stateless.
 */
final class Money {
    static final int SCALE = 2;
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    /** 10^12 of a currency is beyond any campaign; it keeps every sum exact and short. */
    private static final BigDecimal MAX = new BigDecimal("1000000000000");

    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,13}(\\.[0-9]{1,2})?");
    private static final Pattern RATE = Pattern.compile("[0-9]{1,13}(\\.[0-9]{1,6})?");

    private Money() {}

    /** A positive amount with at most two decimals. */
    static BigDecimal amount(final String field, final String text) {
        return positive(field, text, AMOUNT, "an amount with at most two decimals")
                .setScale(SCALE);
    }

    /** A positive price per unit with at most six decimals. */
    static BigDecimal rate(final String field, final String text) {
        return positive(field, text, RATE, "a price with at most six decimals");
    }

    static BigDecimal of(final String text) {
        return new BigDecimal(text).setScale(SCALE);
    }

    /** Rounds down to the cent: a campaign never owes a fraction of a cent more than its terms give. */
    static BigDecimal down(final BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.DOWN);
    }

    static String text(final BigDecimal value) {
        return value.setScale(SCALE).toPlainString();
    }

    private static BigDecimal positive(final String field, final String text, final Pattern form, final String what) {
        if (text == null || !form.matcher(text).matches()) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, field + " must be " + what + ", as a string");
        }
        final BigDecimal value = new BigDecimal(text);
        if (value.signum() <= 0 || value.compareTo(MAX) > 0) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, field + " must be above 0 and at most " + MAX);
        }
        return value;
    }
}
