package io.impactproof.credentials.status;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.did.Multibase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A Bitstring Status List v1.0: one bit per credential, index 0 the left-most (most significant)
 * bit of the first byte, encoded as multibase base64url of the GZIP-compressed bytes. This class is
 * mutable and not thread-safe; {@link #encode()} gives an immutable snapshot.
 */
public final class BitstringStatusList {
    /** The spec's minimum: 16 KiB of bits, so a list does not reveal how few credentials exist. */
    public static final int MIN_ENTRIES = 131_072;

    /** Lists beyond this are refused when decoding: a GZIP bomb guard (8 MiB of bits). */
    public static final int MAX_ENTRIES = 64 * 1024 * 1024;

    private final byte[] bits;

    private BitstringStatusList(final byte[] bits) {
        this.bits = bits;
    }

    /** An all-clear list of {@code entries} bits (at least {@link #MIN_ENTRIES}, a multiple of 8). */
    public static BitstringStatusList create(final int entries) {
        if (entries < MIN_ENTRIES || entries > MAX_ENTRIES || entries % 8 != 0) {
            throw new CredentialException(
                    ErrorCode.STATUS_LIST_INVALID, "a list has 131,072 to 67,108,864 entries, a multiple of 8");
        }
        return new BitstringStatusList(new byte[entries / 8]);
    }

    public static BitstringStatusList create() {
        return create(MIN_ENTRIES);
    }

    /** Decodes an {@code encodedList}; fails with STATUS_LIST_INVALID on any malformed value. */
    public static BitstringStatusList decode(final String encodedList) {
        if (encodedList == null || !encodedList.startsWith("u")) {
            throw new CredentialException(
                    ErrorCode.STATUS_LIST_INVALID, "encodedList must be multibase base64url (u…)");
        }
        final byte[] compressed = Multibase.decode(encodedList, ErrorCode.STATUS_LIST_INVALID);
        final byte[] bits;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            bits = in.readNBytes(MAX_ENTRIES / 8 + 1);
        } catch (IOException e) {
            throw new CredentialException(ErrorCode.STATUS_LIST_INVALID, "not GZIP: " + e.getMessage(), e);
        }
        if (bits.length * 8L < MIN_ENTRIES || bits.length > MAX_ENTRIES / 8) {
            throw new CredentialException(
                    ErrorCode.STATUS_LIST_INVALID, "the uncompressed list must hold 131,072 to 67,108,864 entries");
        }
        return new BitstringStatusList(bits);
    }

    public int size() {
        return bits.length * 8;
    }

    public boolean get(final long index) {
        final int i = check(index);
        return (bits[i / 8] & (0x80 >>> (i % 8))) != 0;
    }

    public void set(final long index, final boolean value) {
        final int i = check(index);
        if (value) {
            bits[i / 8] |= (byte) (0x80 >>> (i % 8));
        } else {
            bits[i / 8] &= (byte) ~(0x80 >>> (i % 8));
        }
    }

    /** {@code u} + base64url(GZIP(bits)); deterministic (GZIP header time is zero). */
    public String encode() {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new CredentialException(ErrorCode.CRYPTO_FAILURE, "GZIP failed", e);
        }
        return Multibase.encodeBase64Url(out.toByteArray());
    }

    public BitstringStatusList copy() {
        return new BitstringStatusList(Arrays.copyOf(bits, bits.length));
    }

    private int check(final long index) {
        if (index < 0 || index >= size()) {
            throw new CredentialException(
                    ErrorCode.STATUS_INDEX_OUT_OF_RANGE, "index " + index + " is outside 0.." + (size() - 1));
        }
        return (int) index;
    }
}
