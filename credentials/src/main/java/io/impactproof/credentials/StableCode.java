package io.impactproof.credentials;

/**
 * A stable error code: its name never changes meaning, it is listed in {@code docs/errors.md} and
 * carries its {@link ErrorCategory}. Implemented by every error enum of impactproof.
 */
public interface StableCode {
    String name();

    ErrorCategory category();

    /** One sentence saying what the code means, as listed in docs/errors.md. */
    String meaning();
}
