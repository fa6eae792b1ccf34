package io.impactproof.credentials.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.did.DidKey;
import io.impactproof.credentials.did.DidUrl;
import java.text.ParseException;
import java.util.Objects;

/**
 * A private key with the DID URL that names it: Ed25519 (signed with Tink, the fast path) or P-256.
 * This class is immutable and thread-safe.
 *
 * <pre>{@code
 * SigningKey owner = SigningKey.generateEd25519DidKey();   // did:key:z6Mk…#z6Mk…
 * SigningKey validator = SigningKey.of("did:web:registry.example#key-1", jwk);
 * }</pre>
 */
public final class SigningKey {
    private final String keyId;
    private final JWK privateKey;
    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;

    private SigningKey(final String keyId, final JWK privateKey) {
        DidUrl.parse(keyId);
        this.keyId = keyId;
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        if (!privateKey.isPrivate()) {
            throw new CredentialException(ErrorCode.CRYPTO_FAILURE, "a signing key needs the private part");
        }
        try {
            if (privateKey instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
                this.algorithm = JWSAlgorithm.EdDSA;
                this.signer = new Ed25519JwsSigner(okp);
            } else if (privateKey instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                this.algorithm = JWSAlgorithm.ES256;
                this.signer = new ECDSASigner(ec);
            } else {
                throw new CredentialException(ErrorCode.CRYPTO_FAILURE, "only Ed25519 and P-256 keys can sign");
            }
        } catch (JOSEException e) {
            throw new CredentialException(ErrorCode.CRYPTO_FAILURE, "unusable key: " + e.getMessage(), e);
        }
    }

    public static SigningKey of(final String keyId, final JWK privateKey) {
        return new SigningKey(keyId, privateKey);
    }

    /** Reads a key from the JWK JSON written by {@link #toPrivateJwkJson()}. */
    public static SigningKey parse(final String keyId, final String privateJwkJson) {
        try {
            return new SigningKey(keyId, JWK.parse(privateJwkJson));
        } catch (ParseException e) {
            throw new CredentialException(ErrorCode.CRYPTO_FAILURE, "not a JWK: " + e.getMessage(), e);
        }
    }

    public static OctetKeyPair newEd25519() {
        try {
            return new OctetKeyPairGenerator(Curve.Ed25519).generate();
        } catch (JOSEException e) {
            throw new CredentialException(ErrorCode.CRYPTO_FAILURE, "Ed25519 key generation failed", e);
        }
    }

    public static ECKey newP256() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new CredentialException(ErrorCode.CRYPTO_FAILURE, "P-256 key generation failed", e);
        }
    }

    /** A fresh key whose DID is the {@code did:key} of its public half. */
    public static SigningKey didKey(final JWK privateKey) {
        return new SigningKey(DidKey.keyId(DidKey.fromPublicKey(privateKey.toPublicJWK())), privateKey);
    }

    public static SigningKey generateEd25519DidKey() {
        return didKey(newEd25519());
    }

    public String keyId() {
        return keyId;
    }

    /** The DID part of the key id: who signs. */
    public String did() {
        return DidUrl.parse(keyId).did();
    }

    public JWSAlgorithm algorithm() {
        return algorithm;
    }

    public JWK publicKey() {
        return privateKey.toPublicJWK();
    }

    /** The private JWK as JSON, for a key store file; never log or persist it elsewhere. */
    public String toPrivateJwkJson() {
        return privateKey.toJSONString();
    }

    /** The JWS signature of {@code signingInput}: Ed25519's 64 bytes, or ES256's R || S. */
    byte[] sign(final byte[] signingInput) {
        try {
            return signer instanceof Ed25519JwsSigner ed25519
                    ? ed25519.signature(signingInput)
                    : signer.sign(new JWSHeader(algorithm), signingInput).decode();
        } catch (JOSEException e) {
            throw new CredentialException(ErrorCode.CRYPTO_FAILURE, "signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + ", " + algorithm + "]";
    }
}
