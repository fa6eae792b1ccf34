package io.impactproof.credentials.digest;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.did.Multibase;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Digests that pin a resource in a credential: {@code digestSRI} (Subresource Integrity, sha384 by
 * default) and {@code digestMultibase} (multibase base64url of a sha2-256 multihash). This class is
 * thread-safe.
 *
 * <pre>{@code
 * String sri = Digests.sri(bytes);              // "sha384-..."
 * Digests.checkSri(bytes, sri);                 // throws DIGEST_MISMATCH when tampered
 * }</pre>
 */
public final class Digests {
    private static final byte SHA2_256_CODE = 0x12;
    private static final byte SHA2_384_CODE = 0x20;

    private Digests() {}

    public static byte[] sha256(final byte[] bytes) {
        return hash("SHA-256", bytes);
    }

    public static String sha256Hex(final byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    /** {@code sha384-} followed by the padded standard base64 of the SHA-384 digest. */
    public static String sri(final byte[] bytes) {
        return "sha384-" + Base64.getEncoder().encodeToString(hash("SHA-384", bytes));
    }

    /** {@code u} + base64url-no-pad of the sha2-256 multihash; always starts with {@code uEi}. */
    public static String multibase(final byte[] bytes) {
        final byte[] digest = sha256(bytes);
        final byte[] multihash = new byte[digest.length + 2];
        multihash[0] = SHA2_256_CODE;
        multihash[1] = (byte) digest.length;
        System.arraycopy(digest, 0, multihash, 2, digest.length);
        return Multibase.encodeBase64Url(multihash);
    }

    /** Checks bytes against one or more space-separated SRI hash expressions (sha256/384/512). */
    public static void checkSri(final byte[] bytes, final String sri) {
        if (sri == null || sri.isBlank()) {
            throw new CredentialException(ErrorCode.DIGEST_INVALID, "empty digestSRI");
        }
        for (final String expression : sri.trim().split("\\s+")) {
            final int dash = expression.indexOf('-');
            if (dash < 0) {
                throw new CredentialException(ErrorCode.DIGEST_INVALID, "not an SRI hash expression: " + expression);
            }
            final String algorithm = switch (expression.substring(0, dash)) {
                case "sha256" -> "SHA-256";
                case "sha384" -> "SHA-384";
                case "sha512" -> "SHA-512";
                default ->
                    throw new CredentialException(ErrorCode.DIGEST_INVALID, "unsupported SRI algorithm: " + expression);
            };
            // SRI allows "?options" after the value; they carry no integrity meaning.
            final String value = expression.substring(dash + 1).split("\\?", 2)[0];
            final byte[] expected;
            try {
                expected = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw new CredentialException(ErrorCode.DIGEST_INVALID, "SRI value is not base64: " + expression, e);
            }
            if (!MessageDigest.isEqual(expected, hash(algorithm, bytes))) {
                throw new CredentialException(ErrorCode.DIGEST_MISMATCH, "bytes do not match " + expression);
            }
        }
    }

    /** Checks bytes against a multibase multihash (sha2-256 or sha2-384). */
    public static void checkMultibase(final byte[] bytes, final String digestMultibase) {
        final byte[] multihash = Multibase.decode(digestMultibase, ErrorCode.DIGEST_INVALID);
        if (multihash.length < 2 || (multihash[1] & 0xff) != multihash.length - 2) {
            throw new CredentialException(ErrorCode.DIGEST_INVALID, "not a multihash: " + digestMultibase);
        }
        final String algorithm = switch (multihash[0]) {
            case SHA2_256_CODE -> "SHA-256";
            case SHA2_384_CODE -> "SHA-384";
            default ->
                throw new CredentialException(ErrorCode.DIGEST_INVALID, "unsupported multihash code: " + multihash[0]);
        };
        final byte[] expected = Arrays.copyOfRange(multihash, 2, multihash.length);
        if (!MessageDigest.isEqual(expected, hash(algorithm, bytes))) {
            throw new CredentialException(ErrorCode.DIGEST_MISMATCH, "bytes do not match " + digestMultibase);
        }
    }

    private static byte[] hash(final String algorithm, final byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new CredentialException(ErrorCode.CRYPTO_FAILURE, algorithm + " unavailable", e);
        }
    }
}
