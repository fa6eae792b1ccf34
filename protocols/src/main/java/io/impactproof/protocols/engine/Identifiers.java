package io.impactproof.protocols.engine;

import io.impactproof.protocols.ProtocolError;
import io.impactproof.protocols.ProtocolException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalises the identifiers that form uniqueness and asset keys, so that one real identifier
 * always gives one key: variants of it must not count the same activity twice. For every protocol:
 * Unicode NFKC (full-width and compatibility forms, composed and decomposed accents become one
 * form), white space trimmed and inner runs of it made one space; refused (never silently dropped)
 * when the value holds a control, format (bidi, zero-width), surrogate, private-use or unassigned
 * character or a combining mark NFKC could not compose, or is empty. A protocol may declare key
 * parts case-insensitive; those are upper-cased after normalisation. Which characters a field may
 * hold at all is the protocol's claim schema's business (its {@code pattern}).
 */
public final class Identifiers {
    private Identifiers() {}

    public static String normalise(final String name, final String value, final boolean caseInsensitive) {
        final String normal =
                Normalizer.normalize(value, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        if (normal.isEmpty()) {
            throw invalid(name, "is empty");
        }
        for (int i = 0; i < normal.length(); ) {
            final int cp = normal.codePointAt(i);
            final int type = Character.getType(cp);
            final boolean refused = type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED
                    || type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
            if (refused) {
                throw invalid(name, "holds U+" + String.format(Locale.ROOT, "%04X", cp) + " at " + i);
            }
            i += Character.charCount(cp);
        }
        return caseInsensitive ? normal.toUpperCase(Locale.ROOT) : normal;
    }

    private static ProtocolException invalid(final String name, final String why) {
        return new ProtocolException(ProtocolError.CLAIM_IDENTIFIER_INVALID, "the identifier " + name + " " + why);
    }
}
