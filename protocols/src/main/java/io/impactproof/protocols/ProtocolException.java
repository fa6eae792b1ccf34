package io.impactproof.protocols;

import java.util.Objects;

/** Thrown when a protocol cannot be loaded or a claim cannot be evaluated; the message starts with the code. */
public class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ProtocolError code;

    public ProtocolException(final ProtocolError code, final String detail) {
        super(code.name() + ": " + detail);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ProtocolException(final ProtocolError code, final String detail, final Throwable cause) {
        super(code.name() + ": " + detail, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ProtocolError code() {
        return code;
    }
}
