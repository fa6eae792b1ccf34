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
        int i = 0;
        int j = 0;
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
