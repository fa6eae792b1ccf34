package io.impactproof.gateway.store;

import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.vc.VerifiableCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads credentials this node stored after the ledger verified them: the bytes are checked against
 * the digest the ledger pins (by the store), so their signature need not be verified again here.
 */
public final class Credentials {
    public static final String VC_JWT = SignedCredential.MEDIA_TYPE;

    private Credentials() {}

    /** The stored vc+jwt with this hex SHA-256 (the ledger's {@code digest}). */
    public static SignedCredential read(final ContentStore store, final String sha256Hex) {
        final ContentStore.StoredObject object = store.get(sha256Hex)
                .orElseThrow(() -> new IllegalStateException("credential " + sha256Hex + " is not in the store"));
        return parse(new String(object.bytes(), StandardCharsets.US_ASCII));
    }

    /** Parses a compact vc+jwt without verifying it; callers vouch for the bytes. */
    public static SignedCredential parse(final String compact) {
        final String[] parts = compact.split("\\.");
        final ObjectNode header = Json.parseObject(Base64.getUrlDecoder().decode(parts[0]));
        final ObjectNode payload = Json.parseObject(Base64.getUrlDecoder().decode(parts[1]));
        payload.remove(List.of("iss", "iat", "exp", "nbf"));
        return new SignedCredential(
                compact,
                VerifiableCredential.fromJson(payload),
                header.path("kid").stringValue(""),
                header.path("alg").stringValue(""));
    }

    /**
     * Stores the credentials, runs the ledger write, and takes back the ones this call stored if the
     * ledger refuses: whoever reacts to the commit finds the bytes, and a refusal leaves nothing.
     */
    public static <T> T storedDuring(
            final ContentStore store,
            final java.util.Collection<SignedCredential> credentials,
            final java.util.function.Supplier<T> write) {
        final java.util.List<ContentStore.Stored> stored =
                credentials.stream().map(c -> storeIndexed(store, c)).toList();
        try {
            return write.get();
        } catch (RuntimeException e) {
            stored.forEach(store::discard);
            throw e;
        }
    }

    /** Stores a signed credential and returns its hex SHA-256. */
    public static String store(final ContentStore store, final SignedCredential credential) {
        return storeIndexed(store, credential).sha256();
    }

    private static ContentStore.Stored storeIndexed(final ContentStore store, final SignedCredential credential) {
        final ContentStore.Stored stored = store.store(credential.bytes(), VC_JWT);
        credential.credential().id().ifPresent(id -> store.indexId(id, stored.sha256()));
        return stored;
    }
}
