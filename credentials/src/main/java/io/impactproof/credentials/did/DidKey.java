package io.impactproof.credentials.did;

import com.nimbusds.jose.jwk.JWK;
import io.impactproof.credentials.BoundedCache;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import java.util.List;

/**
 * The {@code did:key} method for Ed25519 and P-256: the DID is the public key, so resolving it needs
 * no network. This class is thread-safe.
 *
 * <pre>{@code
 * String did = DidKey.fromPublicKey(jwk);          // did:key:z6Mk…
 * ResolvedKey key = DidKey.RESOLVER.resolve(did + "#" + did.substring(8));
 * }</pre>
 */
public final class DidKey {
    private static final String PREFIX = "did:key:";

    /** Resolves {@code did:key} URLs; other methods fail with {@code DID_METHOD_UNSUPPORTED}. */
    public static final KeyResolver RESOLVER = DidKey::cachedKey;

    // A did:key is its own key: resolving it is a pure function of the string, worth keeping (it cost
    // a fourteenth of a claim's verification). Only keys that resolved are kept.
    private static final BoundedCache<String, ResolvedKey> KEYS = new BoundedCache<>(4096);

    private DidKey() {}

    public static String fromPublicKey(final JWK publicKey) {
        return PREFIX + PublicKeys.toMultikey(publicKey);
    }

    /** The DID URL of the one key of a did:key: {@code did:key:z…#z…}. */
    public static String keyId(final String did) {
        return did + "#" + DidUrl.parse(did).methodSpecificId();
    }

    /** Generates the DID document of a did:key, with the key as a {@code Multikey}. */
    public static DidDocument resolve(final String did) {
        final DidUrl url = DidUrl.parse(did);
        if (!"key".equals(url.method())) {
            throw new CredentialException(ErrorCode.DID_METHOD_UNSUPPORTED, "not a did:key: " + did);
        }
        final String multikey = url.methodSpecificId();
        final JWK key = PublicKeys.fromMultikey(multikey);
        final String vmId = url.did() + "#" + multikey;
        return new DidDocument(
                url.did(),
                List.of(new VerificationMethod(vmId, VerificationMethod.MULTIKEY, url.did(), key)),
                List.of(vmId),
                List.of(vmId));
    }

    private static ResolvedKey cachedKey(final String keyId) {
        return keyId == null ? resolveKey(null) : KEYS.get(keyId, DidKey::resolveKey); // resolveKey fails on null
    }

    private static ResolvedKey resolveKey(final String keyId) {
        final DidUrl url = DidUrl.parse(keyId);
        final DidDocument document = resolve(url.did());
        final String expected = keyId(url.did());
        if (!expected.equals(keyId)) {
            throw new CredentialException(ErrorCode.KEY_NOT_FOUND, "a did:key has one key, " + expected);
        }
        return new ResolvedKey(
                keyId, url.did(), document.verificationMethod().get(0).publicKey());
    }
}
