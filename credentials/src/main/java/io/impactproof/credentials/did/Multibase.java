package io.impactproof.credentials.did;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;

/**
 * Multibase encoding: {@code z} (base58btc) and {@code u} (base64url, no padding). This class is
 * thread-safe.
 */
public final class Multibase {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Multibase() {}

    public static String encodeBase58Btc(final byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        final StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            final BigInteger[] qr = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            value = qr[0];
        }
        out.append("1".repeat(zeros));
        return "z" + out.reverse();
    }

    public static String encodeBase64Url(final byte[] bytes) {
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Decodes a {@code z…} or {@code u…} value; anything else fails with the given code. */
    public static byte[] decode(final String value, final ErrorCode onError) {
        if (value == null || value.length() < 2) {
            throw new CredentialException(onError, "empty multibase value");
        }
        final String body = value.substring(1);
        return switch (value.charAt(0)) {
            case 'z' -> decodeBase58(body, onError);
            case 'u' -> {
                try {
                    yield Base64.getUrlDecoder().decode(body);
                } catch (IllegalArgumentException e) {
                    throw new CredentialException(onError, "invalid base64url multibase value", e);
                }
            }
            default -> throw new CredentialException(onError, "unsupported multibase prefix: " + value.charAt(0));
        };
    }

    private static byte[] decodeBase58(final String body, final ErrorCode onError) {
        BigInteger value = BigInteger.ZERO;
        int zeros = 0;
        while (zeros < body.length() && body.charAt(zeros) == '1') {
            zeros++;
        }
        for (int i = 0; i < body.length(); i++) {
            final int digit = ALPHABET.indexOf(body.charAt(i));
            if (digit < 0) {
                throw new CredentialException(onError, "invalid base58btc character: " + body.charAt(i));
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.toByteArray();
        if (magnitude.length > 1 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        if (value.signum() == 0) {
            magnitude = new byte[0];
        }
        final byte[] out = new byte[zeros + magnitude.length];
        System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
        return out;
    }
}
