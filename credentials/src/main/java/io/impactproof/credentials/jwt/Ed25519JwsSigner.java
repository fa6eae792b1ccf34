package io.impactproof.credentials.jwt;

import com.google.crypto.tink.PublicKeySign;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.impl.EdDSAProvider;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;

/**
 * Nimbus's {@code Ed25519Signer} on {@link Ed25519Engine}. Ed25519 signatures are deterministic
 * (RFC 8032), so both engines write the same bytes.
 */
final class Ed25519JwsSigner extends EdDSAProvider implements JWSSigner {
    private final PublicKeySign sign;

    Ed25519JwsSigner(final OctetKeyPair key) throws JOSEException {
        try {
            this.sign = Ed25519Engine.signer(key.getDecodedX(), key.getDecodedD());
        } catch (GeneralSecurityException e) {
            throw new JOSEException(e.getMessage(), e);
        }
    }

    @Override
    public Base64URL sign(final JWSHeader header, final byte[] signingInput) throws JOSEException {
        if (!supportedJWSAlgorithms().contains(header.getAlgorithm())) {
            throw new JOSEException("Ed25519 signs alg EdDSA or Ed25519, not " + header.getAlgorithm());
        }
        return Base64URL.encode(signature(signingInput));
    }

    /** The 64-byte signature itself. */
    byte[] signature(final byte[] signingInput) throws JOSEException {
        try {
            return sign.sign(signingInput);
        } catch (GeneralSecurityException e) {
            throw new JOSEException(e.getMessage(), e);
        }
    }
}
