package io.impactproof.credentials;

import java.util.Objects;

/**
 * Thrown when a credential, key, DID, digest or status list is rejected, or when a crypto operation
 * fails. The {@link #code()} is stable; the message starts with it.
 */
public class CredentialException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public CredentialException(final ErrorCode code, final String detail) {
        super(code.name() + ": " + detail);
        this.code = Objects.requireNonNull(code, "code");
    }

    public CredentialException(final ErrorCode code, final String detail, final Throwable cause) {
        super(code.name() + ": " + detail, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /** True when the input is at fault (a client error), false for a crypto failure. */
    public boolean isRejection() {
        return code.category().isRejection();
    }
}
