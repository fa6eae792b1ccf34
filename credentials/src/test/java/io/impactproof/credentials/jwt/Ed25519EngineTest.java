package io.impactproof.credentials.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.subtle.Ed25519Verify;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The native engine is in use here, and decides exactly as Tink's pure-Java one: nodes with either
 * must accept and refuse the same signatures, or they would endorse different results.
 */
class Ed25519EngineTest {
    private static final BigInteger ORDER =
            BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final byte[] MESSAGE =
            "eyJhbGciOiJFZERTQSJ9.eyJpZCI6InVybjp1dWlkOjEifQ".getBytes(StandardCharsets.US_ASCII);

    private final Ed25519Sign.KeyPair pair = newPair();

    @Test
    void theNativeEngineLoadsOnThisPlatform() throws GeneralSecurityException {
        assertThat(Ed25519Engine.isNative()).isTrue();
        assertThat(Ed25519Engine.verifier(pair.getPublicKey()).getClass().getName())
                .doesNotContain("PureJava");
    }

    @Test
    void bothEnginesWriteTheSameSignature() throws GeneralSecurityException {
        final byte[] nativeSignature =
                Ed25519Engine.signer(pair.getPublicKey(), pair.getPrivateKey()).sign(MESSAGE);
        assertThat(nativeSignature).isEqualTo(new Ed25519Sign(pair.getPrivateKey()).sign(MESSAGE));
    }

    @Test
    void bothEnginesAcceptAndRefuseTheSameSignatures() throws GeneralSecurityException {
        final byte[] key = pair.getPublicKey();
        final byte[] good = new Ed25519Sign(pair.getPrivateKey()).sign(MESSAGE);
        final List<Case> cases = new ArrayList<>();
        cases.add(new Case("valid", key, good, MESSAGE, true));
        cases.add(new Case("another message", key, good, "x".getBytes(StandardCharsets.US_ASCII), false));
        cases.add(new Case("a flipped bit in R", key, flip(good, 1), MESSAGE, false));
        cases.add(new Case("a flipped bit in S", key, flip(good, 40), MESSAGE, false));
        cases.add(new Case("S + L (malleated, not canonical)", key, withS(good, s(good).add(ORDER)), MESSAGE, false));
        cases.add(new Case("S = L", key, withS(good, ORDER), MESSAGE, false));
        cases.add(new Case("another key", newPair().getPublicKey(), good, MESSAGE, false));
        // The identity point as key with R = identity and S = 0: the cofactorless equation holds.
        final byte[] identity = HexFormat.of().parseHex("01" + "00".repeat(31));
        final byte[] zeroSignature = new byte[64];
        System.arraycopy(identity, 0, zeroSignature, 0, 32);
        cases.add(new Case("small-order key and R, S = 0", identity, zeroSignature, MESSAGE, null));
        // y = p (not reduced): an encoding no canonical point has.
        final byte[] unreduced = HexFormat.of().parseHex("ed" + "ff".repeat(30) + "7f");
        cases.add(new Case("a key encoding y >= p", unreduced, good, MESSAGE, null));
        cases.add(new Case(
                "a key that is no point", HexFormat.of().parseHex("02" + "00".repeat(31)), good, MESSAGE, false));
        for (final Case c : cases) {
            final Boolean pure = accepts(new Ed25519Verify(c.key()), c);
            final Boolean nativeEngine = accepts(Ed25519Engine.verifier(c.key()), c);
            assertThat(nativeEngine).as(c.name()).isEqualTo(pure);
            if (c.expected() != null) {
                assertThat(pure).as(c.name()).isEqualTo(c.expected());
            }
        }
    }

    private record Case(String name, byte[] key, byte[] signature, byte[] message, Boolean expected) {}

    private static Boolean accepts(final PublicKeyVerify verify, final Case c) {
        try {
            verify.verify(c.signature(), c.message());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Ed25519Sign.KeyPair newPair() {
        try {
            return Ed25519Sign.KeyPair.newKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] flip(final byte[] signature, final int index) {
        final byte[] copy = signature.clone();
        copy[index] ^= 1;
        return copy;
    }

    private static BigInteger s(final byte[] signature) {
        final byte[] bigEndian = reverse(Arrays.copyOfRange(signature, 32, 64));
        return new BigInteger(1, bigEndian);
    }

    private static byte[] withS(final byte[] signature, final BigInteger s) {
        final byte[] bigEndian = s.toByteArray();
        final byte[] littleEndian = new byte[32];
        for (int i = 0; i < Math.min(32, bigEndian.length); i++) {
            littleEndian[i] = bigEndian[bigEndian.length - 1 - i];
        }
        final byte[] copy = signature.clone();
        System.arraycopy(littleEndian, 0, copy, 32, 32);
        return copy;
    }

    private static byte[] reverse(final byte[] bytes) {
        final byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
