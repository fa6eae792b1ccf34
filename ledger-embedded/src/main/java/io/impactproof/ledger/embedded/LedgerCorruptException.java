package io.impactproof.ledger.embedded;

/** Thrown when the block log was altered: a block in the middle no longer matches its hash. */
public final class LedgerCorruptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LedgerCorruptException(final String message) {
        super(message);
    }
}
