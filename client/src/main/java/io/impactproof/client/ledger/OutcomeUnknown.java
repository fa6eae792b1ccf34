package io.impactproof.client.ledger;

import io.impactproof.credentials.ErrorCategory;

/**
 * The transaction was sent but its commit was not confirmed in time: it may have committed. A caller
 * must not undo what it did off the ledger for it, and should read the ledger before retrying.
 */
public final class OutcomeUnknown extends LedgerException {
    private static final long serialVersionUID = 1L;

    public static final String CODE = "LEDGER_OUTCOME_UNKNOWN";

    public OutcomeUnknown(final String detail, final Throwable cause) {
        super(CODE, ErrorCategory.OUTCOME_UNKNOWN, detail, cause);
    }
}
