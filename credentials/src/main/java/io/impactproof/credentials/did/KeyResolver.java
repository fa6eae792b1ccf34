package io.impactproof.credentials.did;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;

/**
 * Finds the public key named by a DID URL. Implementations must be thread-safe.
 *
 * <p>The credentials library resolves {@code did:key} by itself ({@link DidKey}) and {@code did:web}
 * from documents supplied to it ({@link DocumentKeyResolver}); the ledger implements this interface
 * to resolve the keys registered on it.
 */
@FunctionalInterface
public interface KeyResolver {
    /**
     * Resolves a DID URL to its key.
     *
     * @throws CredentialException with {@code KEY_NOT_FOUND} when there is no such key, or a
     *     {@code DID_*} code when the DID URL is malformed
     */
    ResolvedKey resolve(String keyId);

    /** Tries this resolver, then the other one when this one knows no such key or method. */
    default KeyResolver orElse(final KeyResolver other) {
        return keyId -> {
            try {
                return resolve(keyId);
            } catch (CredentialException e) {
                if (e.code() == ErrorCode.DID_METHOD_UNSUPPORTED || e.code() == ErrorCode.KEY_NOT_FOUND) {
                    return other.resolve(keyId);
                }
                throw e;
            }
        };
    }
}
