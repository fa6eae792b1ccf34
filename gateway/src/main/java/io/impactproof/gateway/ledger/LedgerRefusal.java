package io.impactproof.gateway.ledger;

/** Thrown when the chaincode refuses a transaction; carries its stable error code. Nothing was written. */
public final class LedgerRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String detail;

    public LedgerRefusal(final String code, final String detail) {
        super(code + ": " + detail);
        this.code = code;
        this.detail = detail;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
