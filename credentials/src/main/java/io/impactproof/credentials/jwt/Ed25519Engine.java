package io.impactproof.credentials.jwt;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.subtle.Ed25519Verify;
import com.google.crypto.tink.util.Bytes;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.util.logging.Logger;

/**
 * Tink's Ed25519, on its native engine when it can load. Tink signs and verifies through the
 * Conscrypt provider (BoringSSL) when one is installed, else in pure Java; Nimbus's own Ed25519
 * classes always take the pure-Java path, which on this project's machines verified about 6,300
 * signatures a second per core and allocated about 630 KB per verification (its field arithmetic
 * allocates each temporary), against about 25,000 a second and under 1 KB through Conscrypt. Both are
 * RFC 8032 with the same checks (canonical S, a decodable key, the encoded R compared), ported from
 * the same reference code, so every node decides the same whichever engine it has.
 */
final class Ed25519Engine {
    private static final Logger LOG = Logger.getLogger(Ed25519Engine.class.getName());
    private static final boolean NATIVE = install();

    private Ed25519Engine() {}

    /**
     * Appends Conscrypt to the JCA providers (last: the JDK's providers still answer everything they
     * offer), once per process; where its native library cannot load (an unsupported platform, a
     * temporary folder mounted noexec), Ed25519 stays in pure Java and the start says so.
     */
    private static boolean install() {
        try {
            if (Security.getProvider("Conscrypt") == null) {
                Security.addProvider(org.conscrypt.Conscrypt.newProvider());
            }
            return true;
        } catch (LinkageError | RuntimeException e) {
            LOG.warning(() -> "Ed25519 runs in pure Java (about 4x slower): Conscrypt did not load: " + e);
            return false;
        }
    }

    /** Whether Ed25519 runs on the native engine in this process. */
    static boolean isNative() {
        return NATIVE;
    }

    static PublicKeyVerify verifier(final byte[] publicKey) throws GeneralSecurityException {
        return NATIVE
                ? Ed25519Verify.create(Ed25519PublicKey.create(Bytes.copyFrom(publicKey)))
                : new Ed25519Verify(publicKey);
    }

    static PublicKeySign signer(final byte[] publicKey, final byte[] privateKey) throws GeneralSecurityException {
        if (!NATIVE) {
            return new Ed25519Sign(privateKey);
        }
        return Ed25519Sign.create(Ed25519PrivateKey.create(
                Ed25519PublicKey.create(Bytes.copyFrom(publicKey)),
                SecretBytes.copyFrom(privateKey, InsecureSecretKeyAccess.get())));
    }
}
