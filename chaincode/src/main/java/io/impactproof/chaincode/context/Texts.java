package io.impactproof.chaincode.context;

import io.impactproof.model.Bounds;
import io.impactproof.model.RegistryError;

/** Enforces {@link Bounds} on texts before they reach the ledger. */
public final class Texts {
    private Texts() {}

    /** The text, unless it breaks its bound ({@code ARGUMENT_INVALID} naming the field). */
    public static String bounded(final String field, final String text, final int max) {
        final String violation = Bounds.violation(text, max);
        if (violation != null) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, field + " " + violation);
        }
        return text;
    }
}
