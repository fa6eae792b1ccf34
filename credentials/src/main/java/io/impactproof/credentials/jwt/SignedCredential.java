package io.impactproof.credentials.jwt;

import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.vc.VerifiableCredential;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A credential secured as {@code vc+jwt}: the exact compact JWS next to the parsed credential. This
 * record is immutable. Digests and signature checks always use {@link #compact()}, never a
 * re-serialisation.
 *
 * @param compact the compact JWS, as signed
 * @param credential the credential the payload holds
 * @param keyId the DID URL of the signing key ({@code kid})
 * @param algorithm the JWS algorithm ({@code EdDSA} or {@code ES256})
 */
public record SignedCredential(String compact, VerifiableCredential credential, String keyId, String algorithm) {
    public static final String MEDIA_TYPE = "application/vc+jwt";

    public SignedCredential {
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    public byte[] bytes() {
        return compact.getBytes(StandardCharsets.US_ASCII);
    }

    /** The SRI (sha384) of the exact compact bytes, as other credentials pin it. */
    public String digestSRI() {
        return Digests.sri(bytes());
    }

    /** The hex SHA-256 of the exact compact bytes, the ledger's key for it. */
    public String sha256Hex() {
        return Digests.sha256Hex(bytes());
    }
}
