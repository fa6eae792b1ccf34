package io.impactproof.credentials.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.impactproof.credentials.BoundedCache;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.did.KeyResolver;
import io.impactproof.credentials.did.ResolvedKey;
import io.impactproof.credentials.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifies a compact JWS signed by a DID key, in order: size → structure → algorithm allow-list →
 * {@code typ}/{@code cty}/{@code crit} → {@code kid} → key resolution → signature. This class is
 * thread-safe.
 *
 * <p>Unsecured JWTs ({@code alg: none}) are always rejected, whatever the allow-list says: a
 * signature check that can be switched off by the signer is no check. Verifiers for a key are built
 * once and reused, so every signature costs one EdDSA (Tink) or ECDSA verification.
 */
public final class JwsVerifier {
    /** Claims and credentials are small; anything bigger is refused before parsing. */
    public static final int DEFAULT_MAX_BYTES = 256 * 1024;

    private final KeyResolver keys;
    private final Set<JWSAlgorithm> algorithms;
    private final String typ;
    private final String cty;
    private final int maxBytes;
    // Shared by all instances: a verifier depends only on the key and algorithm, and building one
    // (Tink key setup) costs as much as a verification.
    private static final BoundedCache<String, SignatureCheck> VERIFIERS = new BoundedCache<>(4096);

    /**
     * @param typ the required {@code typ} header value (compared case-insensitively)
     * @param cty the required {@code cty} when present, or null to accept any
     */
    public JwsVerifier(
            final KeyResolver keys,
            final Set<JWSAlgorithm> algorithms,
            final String typ,
            final String cty,
            final int maxBytes) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.algorithms = Set.copyOf(algorithms);
        this.typ = Objects.requireNonNull(typ, "typ");
        this.cty = cty;
        this.maxBytes = maxBytes;
    }

    public VerifiedJws verify(final String compact) {
        if (compact == null || compact.isEmpty()) {
            throw new CredentialException(ErrorCode.MALFORMED_JWT, "empty input");
        }
        if (compact.length() > maxBytes) {
            throw new CredentialException(
                    ErrorCode.INPUT_TOO_LARGE, compact.length() + " bytes, the limit is " + maxBytes);
        }
        final String[] parts = compact.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new CredentialException(ErrorCode.MALFORMED_JWT, "a compact JWS has three parts");
        }
        final ObjectNode header = Json.parseObject(decode(parts[0], "the header"));
        final String alg = header.path("alg").stringValue(null);
        final JWSAlgorithm algorithm = alg == null ? null : JWSAlgorithm.parse(alg);
        if (algorithm == null || "none".equalsIgnoreCase(alg) || !algorithms.contains(algorithm)) {
            throw new CredentialException(ErrorCode.ALG_NOT_ALLOWED, "alg " + alg + " is not allowed");
        }
        if (parts[2].isEmpty()) {
            throw new CredentialException(ErrorCode.MALFORMED_JWT, "the signature part is empty");
        }
        checkMediaTypes(header);
        if (header.has("crit")) {
            throw new CredentialException(
                    ErrorCode.CRIT_UNSUPPORTED, "critical header parameters: " + header.get("crit"));
        }
        final String kid = header.path("kid").stringValue(null);
        if (kid == null || kid.isBlank()) {
            throw new CredentialException(ErrorCode.KID_MISSING, "the header names no key");
        }
        final ResolvedKey key = keys.resolve(kid);
        final byte[] signature = decode(parts[2], "the signature");
        final byte[] payload = decode(parts[1], "the payload");
        final byte[] signingInput =
                compact.substring(0, parts[0].length() + 1 + parts[1].length()).getBytes(StandardCharsets.US_ASCII);
        final boolean valid;
        try {
            valid = checkFor(key.publicKey(), algorithm).verify(signingInput, signature);
        } catch (JOSEException e) {
            throw cryptoFailure(e);
        }
        if (!valid) {
            throw new CredentialException(ErrorCode.SIGNATURE_INVALID, "signature does not verify with " + kid);
        }
        return new VerifiedJws(compact, alg, key, payload);
    }

    private void checkMediaTypes(final ObjectNode header) {
        final JsonNode typValue = header.get("typ");
        if (typValue == null || !typ.equalsIgnoreCase(stripApplication(typValue.stringValue("")))) {
            throw new CredentialException(ErrorCode.TYP_INVALID, "typ must be " + typ + ", got " + typValue);
        }
        final JsonNode ctyValue = header.get("cty");
        if (cty != null && ctyValue != null && !cty.equalsIgnoreCase(stripApplication(ctyValue.stringValue("")))) {
            throw new CredentialException(ErrorCode.CTY_INVALID, "cty must be " + cty + ", got " + ctyValue);
        }
    }

    // RFC 7515 §4.1.9: "application/" may be omitted from typ and cty.
    private static String stripApplication(final String mediaType) {
        return mediaType.regionMatches(true, 0, "application/", 0, 12) ? mediaType.substring(12) : mediaType;
    }

    private static SignatureCheck checkFor(final JWK key, final JWSAlgorithm algorithm) {
        return VERIFIERS.get(algorithm.getName() + " " + material(key), k -> created(key, algorithm));
    }

    private static SignatureCheck created(final JWK key, final JWSAlgorithm algorithm) {
        try {
            if (JWSAlgorithm.EdDSA.equals(algorithm)
                    && key instanceof OctetKeyPair okp
                    && Curve.Ed25519.equals(okp.getCurve())) {
                return SignatureCheck.ed25519(okp.getDecodedX());
            }
            if (JWSAlgorithm.ES256.equals(algorithm) && key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                return SignatureCheck.es256(new ECDSAVerifier(ec));
            }
        } catch (JOSEException e) {
            throw cryptoFailure(e);
        }
        throw new CredentialException(
                ErrorCode.KEY_MISMATCH, "a " + key.getKeyType() + " key cannot verify " + algorithm);
    }

    private static CredentialException cryptoFailure(final JOSEException e) {
        return new CredentialException(ErrorCode.CRYPTO_FAILURE, "verification failed: " + e.getMessage(), e);
    }

    // What identifies a key for the cache: its curve and coordinates (the whole JWK as JSON cost a
    // twentieth of a verification to write out).
    private static String material(final JWK key) {
        if (key instanceof OctetKeyPair okp) {
            return okp.getCurve() + " " + okp.getX();
        }
        if (key instanceof ECKey ec) {
            return ec.getCurve() + " " + ec.getX() + " " + ec.getY();
        }
        return key.toJSONString();
    }

    private static byte[] decode(final String part, final String what) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new CredentialException(ErrorCode.MALFORMED_JWT, what + " is not base64url", e);
        }
    }
}
