package io.impactproof.chaincode.context;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.StableCode;
import io.impactproof.credentials.json.Json;
import io.impactproof.model.RegistryError;
import io.impactproof.protocols.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Thrown when a transaction is refused. The message is {@code CODE: detail}; the payload is the JSON
 * {@code {"category": …, "code": …, "detail": …}} so clients in any language can read the code and
 * its category. The code is a {@link RegistryError}, or a credentials or protocols code passed
 * through unchanged.
 */
public final class RegistryException extends ChaincodeException {
    private static final long serialVersionUID = 1L;

    private final transient StableCode code;

    private RegistryException(final StableCode code, final String detail, final Throwable cause) {
        super(code.name() + ": " + detail, payload(code, detail), cause);
        this.code = code;
    }

    public RegistryException(final RegistryError code, final String detail) {
        this(code, detail, null);
    }

    public static RegistryException of(final CredentialException e) {
        return new RegistryException(e.code(), detail(e.getMessage()), e);
    }

    public static RegistryException of(final ProtocolException e) {
        return new RegistryException(e.code(), detail(e.getMessage()), e);
    }

    /** Prefixes the detail, e.g. with the index of the item of a batch that failed. */
    public static RegistryException at(final String where, final RuntimeException e) {
        if (e instanceof RegistryException r) {
            return new RegistryException(r.code, where + ": " + detail(r.getMessage()), r.getCause());
        }
        if (e instanceof CredentialException c) {
            return new RegistryException(c.code(), where + ": " + detail(c.getMessage()), c);
        }
        if (e instanceof ProtocolException p) {
            return new RegistryException(p.code(), where + ": " + detail(p.getMessage()), p);
        }
        throw e;
    }

    public String code() {
        return code.name();
    }

    private static String detail(final String message) {
        final int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(colon + 2);
    }

    private static byte[] payload(final StableCode code, final String detail) {
        return Json.write(Json.object()
                        .put("category", code.category().name())
                        .put("code", code.name())
                        .put("detail", detail))
                .getBytes(StandardCharsets.UTF_8);
    }
}
