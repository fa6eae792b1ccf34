package io.impactproof.model.certificate;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Certificate serial numbers, in the spirit of registry serials (Verra, Gold Standard): the vintage
 * year, the protocol, a block id and the range of units the certificate covers, so that a split
 * certificate's lots keep traceable, non-overlapping ranges.
 *
 * <p>{@code IPC-2026-CBD-3F9A7C21B0-1-1158}: vintage 2026 (year the activity period ends), protocol
 * cargo-bike-delivery (initials), block 3F9A7C21B0 (first ten hex digits of the claim's SHA-256),
 * units 1 to 1158 (a unit is the smallest step of the protocol's scale: 0.01 kWh cumac here, so
 * 11.58 kWh cumac).
 */
public final class Serials {
    private Serials() {}

    public static String block(final String periodEnd, final String protocolId, final String claimDigestHex) {
        final StringBuilder code = new StringBuilder();
        for (final String word : protocolId.split("-")) {
            code.append(Character.toUpperCase(word.charAt(0)));
        }
        return "IPC-" + periodEnd.substring(0, 4) + "-" + code + "-"
                + claimDigestHex.substring(0, 10).toUpperCase(Locale.ROOT);
    }

    public static String serial(final String block, final long firstUnit, final long lastUnit) {
        return block + "-" + firstUnit + "-" + lastUnit;
    }

    /** The number of units of a quantity at a scale: 11.58 at scale 2 is 1158 units. */
    public static long units(final BigDecimal quantity, final int scale) {
        return quantity.setScale(scale).movePointRight(scale).longValueExact();
    }
}
