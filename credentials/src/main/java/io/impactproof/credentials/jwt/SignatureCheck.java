package io.impactproof.credentials.jwt;

import com.google.crypto.tink.PublicKeyVerify;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;

/**
 * One key's signature check over a JWS signing input ({@code header.payload} as ASCII), built once
 * per key and reused. The header was parsed and checked before (algorithm allow-list, no
 * {@code crit}), so the check takes the bytes alone: no second parse of the header, no Nimbus
 * base64 codec, which took a quarter of a verifying thread's samples once Ed25519 ran natively.
 */
interface SignatureCheck {
    boolean verify(byte[] signingInput, byte[] signature) throws JOSEException;

    /** Ed25519 by Tink ({@link Ed25519Engine}); a wrong signature is false, never an exception. */
    static SignatureCheck ed25519(final byte[] publicKey) throws JOSEException {
        final PublicKeyVerify verify;
        try {
            verify = Ed25519Engine.verifier(publicKey);
        } catch (GeneralSecurityException e) {
            throw new JOSEException(e.getMessage(), e);
        }
        return (input, signature) -> {
            try {
                verify.verify(signature, input);
                return true;
            } catch (GeneralSecurityException e) {
                return false;
            }
        };
    }

    /** ES256 by Nimbus (which turns the JOSE R || S form into the JDK's DER). */
    static SignatureCheck es256(final ECDSAVerifier verifier) {
        final JWSHeader header = new JWSHeader(JWSAlgorithm.ES256);
        return (input, signature) -> verifier.verify(header, input, Base64URL.encode(signature));
    }
}
