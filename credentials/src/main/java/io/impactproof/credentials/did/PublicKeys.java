package io.impactproof.credentials.did;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Converts public keys between JWK and Multikey ({@code publicKeyMultibase}) forms: Ed25519
 * ({@code z6Mk…}) and P-256 compressed points ({@code zDn…}). This class is thread-safe.
 */
public final class PublicKeys {
    private static final byte[] ED25519_HEADER = {(byte) 0xed, 0x01};
    private static final byte[] P256_HEADER = {(byte) 0x80, 0x24};
    private static final BigInteger P =
            new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger B =
            new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
    private static final int P256_COORDINATE = 32;

    private PublicKeys() {}

    /** The Multikey value of an Ed25519 (OKP) or P-256 (EC) public JWK. */
    public static String toMultikey(final JWK key) {
        if (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
            return Multibase.encodeBase58Btc(concat(ED25519_HEADER, okp.getDecodedX()));
        }
        if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            final byte[] x = fixed(ec.getX().decode());
            final boolean odd = new BigInteger(1, ec.getY().decode()).testBit(0);
            final byte[] point = new byte[1 + P256_COORDINATE];
            point[0] = (byte) (odd ? 0x03 : 0x02);
            System.arraycopy(x, 0, point, 1, P256_COORDINATE);
            return Multibase.encodeBase58Btc(concat(P256_HEADER, point));
        }
        throw new CredentialException(ErrorCode.DID_INVALID, "only Ed25519 and P-256 keys are supported");
    }

    /** The public JWK of a Multikey value; key lengths are checked per multicodec. */
    public static JWK fromMultikey(final String multikey) {
        if (multikey == null || !multikey.startsWith("z")) {
            throw new CredentialException(ErrorCode.DID_INVALID, "publicKeyMultibase must be base58btc (z…)");
        }
        final byte[] bytes = Multibase.decode(multikey, ErrorCode.DID_INVALID);
        if (startsWith(bytes, ED25519_HEADER)) {
            final byte[] raw = Arrays.copyOfRange(bytes, 2, bytes.length);
            if (raw.length != 32) {
                throw new CredentialException(ErrorCode.DID_INVALID, "Ed25519 key must be 32 bytes, got " + raw.length);
            }
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(raw)).build();
        }
        if (startsWith(bytes, P256_HEADER)) {
            final byte[] point = Arrays.copyOfRange(bytes, 2, bytes.length);
            if (point.length != 1 + P256_COORDINATE || (point[0] != 0x02 && point[0] != 0x03)) {
                throw new CredentialException(ErrorCode.DID_INVALID, "P-256 key must be a 33-byte compressed point");
            }
            return decompress(point);
        }
        throw new CredentialException(ErrorCode.DID_INVALID, "unsupported multicodec key type");
    }

    private static ECKey decompress(final byte[] point) {
        final BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, point.length));
        if (x.compareTo(P) >= 0) {
            throw new CredentialException(ErrorCode.DID_INVALID, "P-256 x coordinate out of range");
        }
        // y^2 = x^3 - 3x + b (mod p); p = 3 (mod 4), so the square root is rhs^((p+1)/4).
        final BigInteger rhs =
                x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(B).mod(P);
        BigInteger y = rhs.modPow(P.add(BigInteger.ONE).shiftRight(2), P);
        if (!y.multiply(y).mod(P).equals(rhs)) {
            throw new CredentialException(ErrorCode.DID_INVALID, "P-256 point is not on the curve");
        }
        if (y.testBit(0) != (point[0] == 0x03)) {
            y = P.subtract(y);
        }
        return new ECKey.Builder(
                        Curve.P_256, Base64URL.encode(fixed(x.toByteArray())), Base64URL.encode(fixed(y.toByteArray())))
                .build();
    }

    private static byte[] fixed(final byte[] unsigned) {
        if (unsigned.length == P256_COORDINATE) {
            return unsigned;
        }
        final byte[] out = new byte[P256_COORDINATE];
        final int copy = Math.min(unsigned.length, P256_COORDINATE);
        System.arraycopy(unsigned, unsigned.length - copy, out, P256_COORDINATE - copy, copy);
        return out;
    }

    private static boolean startsWith(final byte[] bytes, final byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] concat(final byte[] a, final byte[] b) {
        final byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
