package io.impactproof.client.ledger;

import io.impactproof.credentials.ErrorCategory;

/**
 * Why a ledger call failed: one subclass per outcome, so callers know whether anything may have been
 * written. Every subclass carries a stable code and its category.
 */
public abstract sealed class LedgerException extends RuntimeException
        permits TransactionRefused, TransactionConflict, OutcomeUnknown, LedgerUnavailable {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient ErrorCategory category;
    private final String detail;

    LedgerException(final String code, final ErrorCategory category, final String detail, final Throwable cause) {
        super(code + ": " + detail, cause);
        this.code = code;
        this.category = category;
        this.detail = detail;
    }

    /** The stable error code, e.g. {@code DOUBLE_COUNTING}. */
    public String code() {
        return code;
    }

    public ErrorCategory category() {
        return category;
    }

    public String detail() {
        return detail;
    }
}
