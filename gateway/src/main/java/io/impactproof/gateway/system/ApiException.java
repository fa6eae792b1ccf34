package io.impactproof.gateway.system;

import io.impactproof.credentials.StableCode;

/** Thrown by the gateway itself for a request it refuses, before anything reaches the ledger. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient StableCode code;

    public ApiException(final StableCode code, final String detail) {
        super(detail);
        this.code = code;
    }

    public StableCode code() {
        return code;
    }
}
