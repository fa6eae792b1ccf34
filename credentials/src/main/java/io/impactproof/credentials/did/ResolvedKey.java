package io.impactproof.credentials.did;

import com.nimbusds.jose.jwk.JWK;
import java.util.Objects;

/**
 * A public key found for a DID URL, with the DID that controls it. This record is immutable.
 *
 * @param keyId the DID URL ({@code did:…#fragment}) the key was resolved from
 * @param controller the DID that controls the key; a credential signed with it must be issued by it
 * @param publicKey the public key (never a private one)
 */
public record ResolvedKey(String keyId, String controller, JWK publicKey) {
    public ResolvedKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(publicKey, "publicKey");
        publicKey = publicKey.toPublicJWK();
    }
}
