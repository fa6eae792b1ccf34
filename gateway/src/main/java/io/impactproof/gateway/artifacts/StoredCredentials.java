package io.impactproof.gateway.artifacts;

import io.impactproof.client.ledger.LedgerUnavailable;
import io.impactproof.client.ledger.TransactionConflict;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.vc.VerifiableCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed credentials in the content store around the ledger write that records them: stored before
 * (whoever reacts to the commit finds the bytes), taken back only when the ledger certainly wrote
 * nothing, indexed by id only once it recorded them. Reads of stored credentials need no second
 * signature check: the bytes are checked against the digest the ledger pins.
 */
public final class StoredCredentials {
    public static final String VC_JWT = SignedCredential.MEDIA_TYPE;

    private StoredCredentials() {}

    /** The stored vc+jwt with this hex SHA-256 (the ledger's {@code digest}). */
    public static SignedCredential read(final ContentStore store, final String sha256Hex) {
        final ContentStore.StoredObject object = store.get(sha256Hex)
                .orElseThrow(() -> new IllegalStateException("credential " + sha256Hex + " is not in the store"));
        return parse(new String(object.bytes(), StandardCharsets.US_ASCII));
    }

    /** Parses a compact vc+jwt without verifying it; callers vouch for the bytes. */
    public static SignedCredential parse(final String compact) {
        final String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS");
        }
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
     * Stores the credentials, runs the ledger write, and settles them by its outcome: a refusal, a
     * conflict or an unavailable ledger wrote nothing, so what this call stored goes; any other
     * outcome — success, or a write that may have committed — keeps the bytes, and a success also
     * indexes them by id.
     */
    public static <T> T storedDuring(
            final ContentStore store, final Collection<SignedCredential> credentials, final Supplier<T> write) {
        final List<ContentStore.Pending> pending = store.pendingAll(
                credentials.stream().map(SignedCredential::bytes).toList(), VC_JWT);
        final T result;
        try {
            result = write.get();
        } catch (TransactionRefused | TransactionConflict | LedgerUnavailable e) {
            pending.forEach(ContentStore.Pending::discard);
            throw e;
        } catch (RuntimeException e) {
            pending.forEach(ContentStore.Pending::keep);
            throw e;
        }
        pending.forEach(ContentStore.Pending::keep);
        final java.util.Map<String, String> ids = new java.util.LinkedHashMap<>();
        credentials.forEach(c -> c.credential().id().ifPresent(id -> ids.put(id, c.sha256Hex())));
        store.indexIds(ids);
        return result;
    }

    /** Stores a credential the ledger already recorded (or that is built from the ledger) and indexes its id. */
    public static String store(final ContentStore store, final SignedCredential credential) {
        final String hex = store.put(credential.bytes(), VC_JWT);
        indexId(store, credential);
        return hex;
    }

    /** The hex SHA-256 of a certificate's attached credential: as the record pins it, or from the older SRI index. */
    public static java.util.Optional<String> certificateHex(
            final ContentStore store, final io.impactproof.model.certificate.CertificateRecord record) {
        if (record.credentialDigest() != null) {
            return java.util.Optional.of(record.credentialDigest());
        }
        return record.credentialDigestSRI() == null
                ? java.util.Optional.empty()
                : store.findBySri(record.credentialDigestSRI());
    }

    private static void indexId(final ContentStore store, final SignedCredential credential) {
        credential.credential().id().ifPresent(id -> store.indexId(id, credential.sha256Hex()));
    }
}
