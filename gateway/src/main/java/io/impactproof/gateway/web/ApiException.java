package io.impactproof.gateway.web;

/** Thrown by the gateway itself for a request it refuses; carries a stable error code. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public ApiException(final String code, final String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
