package io.impactproof.model;

import java.util.Comparator;

/**
 * The order of ledger keys: code-point order, which is UTF-8 byte order, the order of Fabric's
 * LevelDB and CouchDB state databases. Range scans return keys in this order on every ledger.
 */
public final class KeyOrder {
    public static final Comparator<String> COMPARATOR = KeyOrder::compare;

    private KeyOrder() {}

    public static int compare(final String a, final String b) {
        final int n = Math.min(a.length(), b.length());
        for (int k = 0; k < n; k++) {
            final char ca = a.charAt(k);
            final char cb = b.charAt(k);
            if (ca != cb) {
                // UTF-16 units sort as code points except where a surrogate (a code point above
                // U+FFFF) meets U+E000..U+FFFF: only then is the slow comparison needed. The
                // committer compares keys on every write, so the common case stays a char compare.
                if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
                    final int from = k > 0 && Character.isHighSurrogate(a.charAt(k - 1)) ? k - 1 : k;
                    return byCodePoints(a, b, from);
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    }

    private static int byCodePoints(final String a, final String b, final int from) {
        int i = from;
        int j = from;
        while (i < a.length() && j < b.length()) {
            final int ca = a.codePointAt(i);
            final int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
