package io.impactproof.client.ledger;

import io.impactproof.credentials.ErrorCategory;

/** The ledger (a peer, the orderer, the embedded ledger's disk) cannot take the call now; nothing was sent. */
public final class LedgerUnavailable extends LedgerException {
    private static final long serialVersionUID = 1L;

    public static final String CODE = "LEDGER_UNAVAILABLE";

    public LedgerUnavailable(final String detail, final Throwable cause) {
        super(CODE, ErrorCategory.UNAVAILABLE, detail, cause);
    }
}
