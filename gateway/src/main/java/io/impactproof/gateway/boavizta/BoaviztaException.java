package io.impactproof.gateway.boavizta;

/** BoaviztAPI is unreachable or gave an answer the registry cannot use; nothing was attested. */
public final class BoaviztaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BoaviztaException(final String message) {
        super(message);
    }

    public BoaviztaException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
