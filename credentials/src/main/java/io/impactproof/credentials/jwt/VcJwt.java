package io.impactproof.credentials.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.vc.VerifiableCredential;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secures credentials as {@code vc+jwt} (VC-JOSE-COSE): the payload is the credential itself, with
 * {@code iss} equal to the issuer and {@code iat}; the header carries {@code typ: vc+jwt},
 * {@code cty: vc} and the signing key's DID URL as {@code kid}. This class is thread-safe.
 *
 * <pre>{@code
 * SignedCredential signed = VcJwt.sign(credential, ownerKey, clock.instant());
 * }</pre>
 */
public final class VcJwt {
    public static final String TYP = "vc+jwt";
    public static final String CTY = "vc";

    private VcJwt() {}

    /**
     * Signs a credential. The key's DID must be the credential's issuer, because verifiers hold the
     * issuer to the key that signed.
     */
    public static SignedCredential sign(
            final VerifiableCredential credential, final SigningKey key, final Instant issuedAt) {
        if (!credential.issuerId().equals(key.did())) {
            throw new CredentialException(
                    ErrorCode.KEY_MISMATCH, "key " + key.keyId() + " cannot sign for issuer " + credential.issuerId());
        }
        final ObjectNode payload = credential.toJson();
        payload.put("iss", credential.issuerId());
        payload.put("iat", issuedAt.getEpochSecond());
        final String compact = signJws(TYP, CTY, Json.write(payload).getBytes(StandardCharsets.UTF_8), key);
        return new SignedCredential(
                compact, credential, key.keyId(), key.algorithm().getName());
    }

    /** Signs any payload as a compact JWS with the given media types; used for signed instructions. */
    public static String signJws(final String typ, final String cty, final byte[] payload, final SigningKey key) {
        final JWSHeader.Builder header = new JWSHeader.Builder(key.algorithm())
                .type(new JOSEObjectType(typ))
                .keyID(key.keyId());
        if (cty != null) {
            header.contentType(cty);
        }
        final JWSObject jws = new JWSObject(header.build(), new Payload(payload));
        try {
            jws.sign(key.signer());
        } catch (JOSEException e) {
            throw new CredentialException(ErrorCode.CRYPTO_FAILURE, "signing failed: " + e.getMessage(), e);
        }
        return jws.serialize();
    }
}
