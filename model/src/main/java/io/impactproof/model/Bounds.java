package io.impactproof.model;

/**
 * The documented bounds of every text that reaches the ledger (docs/api.md lists them): a longer
 * text, or one holding a control or format character, is refused with {@code ARGUMENT_INVALID}
 * before anything is written. This class holds constants only.
 */
public final class Bounds {
    /** DIDs, DID URLs, claim, credential and protocol ids, serial numbers. */
    public static final int IDENTIFIER = 512;

    /** A participant's name. */
    public static final int NAME = 200;

    /** The reason of a rejection, a suspension, a reinstatement or a revocation. */
    public static final int REASON = 500;

    /** The beneficiary of a retirement. */
    public static final int BENEFICIARY = 200;

    /** The purpose of a retirement. */
    public static final int PURPOSE = 500;

    /** The jurisdiction of a retirement (an ISO 3166 code, or a code of a subdivision). */
    public static final int JURISDICTION = 64;

    /** The reporting period of a retirement (e.g. 2026, 2026-Q1). */
    public static final int PERIOD = 32;

    /** Any other single-line text argument. */
    public static final int TEXT = 1000;

    /** A protocol definition (YAML or JSON, lines and tabs allowed). */
    public static final int DEFINITION = 256 * 1024;

    /** Keys a participant may hold at once. */
    public static final int KEYS = 16;

    /** Evidence items a claim may pin. */
    public static final int EVIDENCE = 100;

    private Bounds() {}

    /** Why a single-line text breaks its bound, or null when it keeps it. */
    public static String violation(final String text, final int max) {
        return violation(text, max, false);
    }

    /** Why a text breaks its bound, or null when it keeps it; {@code lines} allows line breaks and tabs. */
    public static String violation(final String text, final int max, final boolean lines) {
        if (text.codePointCount(0, text.length()) > max) {
            return "is longer than " + max + " characters";
        }
        for (int i = 0; i < text.length(); ) {
            final int cp = text.codePointAt(i);
            final int type = Character.getType(cp);
            final boolean layout = cp == '\n' || cp == '\r' || cp == '\t';
            if (type == Character.CONTROL && !(lines && layout)
                    || type == Character.FORMAT && !lines
                    || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED) {
                return "holds the character U+" + String.format(java.util.Locale.ROOT, "%04X", cp);
            }
            i += Character.charCount(cp);
        }
        return null;
    }
}
