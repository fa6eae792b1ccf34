package io.impactproof.credentials.jwt;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.vc.VerifiableCredential;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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

    /**
     * Signs any payload as a compact JWS with the given media types; used for signed instructions.
     * Written here rather than through Nimbus's {@code JWSObject}, whose header codec and base64
     * were a twentieth of a loaded gateway's samples; third-party libraries read the result alike.
     */
    public static String signJws(final String typ, final String cty, final byte[] payload, final SigningKey key) {
        final ObjectNode header =
                Json.object().put("alg", key.algorithm().getName()).put("typ", typ);
        if (cty != null) {
            header.put("cty", cty);
        }
        header.put("kid", key.keyId());
        final String signingInput = BASE64URL.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8))
                + '.'
                + BASE64URL.encodeToString(payload);
        final byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + '.' + BASE64URL.encodeToString(signature);
    }

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
}
