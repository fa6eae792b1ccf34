package io.impactproof.client.ledger;

import io.impactproof.credentials.ErrorCategory;

/**
 * The transaction was not committed because what it read changed before it was ordered (Fabric's
 * MVCC read conflict or phantom read): nothing was written, and submitting it again may succeed.
 */
public final class TransactionConflict extends LedgerException {
    private static final long serialVersionUID = 1L;

    public static final String CODE = "LEDGER_CONFLICT";

    public TransactionConflict(final String detail) {
        super(CODE, ErrorCategory.CONFLICT, detail, null);
    }
}
