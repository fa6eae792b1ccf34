package io.impactproof.ledger.embedded;

import io.impactproof.model.LedgerJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A block's bytes in the log. Since 2026-12 a block is stored packed: its number (8 bytes), then the
 * rest — transaction id, time, creator, function, write set, event — in a binary layout, deflated.
 * The write values are JSON, which deflate shrinks several times; before, they were base64 inside
 * a block JSON, a third larger than the values themselves. The rest is packed on the submitting
 * thread (in parallel), so the committer only prefixes the number. Blocks written before are read
 * as they were: block JSON, told apart by the record's length word ({@link #PACKED} flag unset).
 *
 * <p>The block JSON stays the exchange form: {@link #json} is what an export writes.
 */
final class BlockCodec {
    /** Set in a record's length word when its body is packed; the length is below it (≤ 64 MiB). */
    static final int PACKED = 0x4000_0000;

    private static final int NO_VALUE = -1;
    // One per thread, reset before each use: a zlib stream costs a native allocation to set up.
    private static final ThreadLocal<Deflater> DEFLATER =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

    private BlockCodec() {}

    /** The block's content after its number, deflated; its number is left to {@link #body}. */
    static byte[] pack(final Block block) {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        final Deflater deflater = DEFLATER.get();
        deflater.reset();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 8192))) {
            out.writeUTF(block.txId());
            out.writeUTF(block.timestamp());
            out.writeUTF(block.creator());
            out.writeUTF(block.function());
            out.writeInt(block.writes().size());
            for (final var write : block.writes().entrySet()) {
                writeBytes(out, write.getKey().getBytes(StandardCharsets.UTF_8));
                writeBytes(out, write.getValue());
            }
            writeBytes(out, block.eventName() == null ? null : block.eventName().getBytes(StandardCharsets.UTF_8));
            writeBytes(out, block.eventPayload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The stored body of block {@code number} whose content {@link #pack} packed. */
    static byte[] body(final long number, final byte[] packed) {
        return ByteBuffer.allocate(8 + packed.length)
                .putLong(number)
                .put(packed)
                .array();
    }

    /** The length word of a record whose body {@link #body} built. */
    static int wordFor(final int bodyLength) {
        return bodyLength | PACKED;
    }

    /** The body length a record's length word gives, or -1 when it gives none (≤ 0, or no length). */
    static int lengthOf(final int word) {
        final int length = word & ~PACKED;
        return word <= 0 || length == 0 ? -1 : length;
    }

    /**
     * Reads a stored body.
     *
     * @param word the record's length word, which says whether the body is packed
     * @throws IllegalStateException when the bytes are not a block
     */
    static Block read(final byte[] body, final int word) {
        if ((word & PACKED) == 0) {
            return LedgerJson.read(body, JsonBlock.class).block();
        }
        if (body.length < 8) {
            throw new IllegalStateException("a packed block shorter than its number");
        }
        final long number = ByteBuffer.wrap(body).getLong();
        final Inflater inflater = INFLATER.get();
        inflater.reset();
        try (DataInputStream in = new DataInputStream(
                new InflaterInputStream(new ByteArrayInputStream(body, 8, body.length - 8), inflater, 8192))) {
            final String txId = in.readUTF();
            final String timestamp = in.readUTF();
            final String creator = in.readUTF();
            final String function = in.readUTF();
            final int count = in.readInt();
            if (count < 0) {
                throw new IllegalStateException("a negative write count");
            }
            final Map<String, byte[]> writes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                final byte[] key = readBytes(in);
                if (key == null) {
                    throw new IllegalStateException("a write without a key");
                }
                writes.put(new String(key, StandardCharsets.UTF_8), readBytes(in));
            }
            final byte[] eventName = readBytes(in);
            final byte[] eventPayload = readBytes(in);
            return new Block(
                    number,
                    txId,
                    timestamp,
                    creator,
                    function,
                    writes,
                    eventName == null ? null : new String(eventName, StandardCharsets.UTF_8),
                    eventPayload);
        } catch (IOException e) {
            throw new IllegalStateException("an unreadable packed block: " + e.getMessage(), e);
        }
    }

    /** The block as JSON (fields in record order), values in base64: the form blocks had before packing. */
    static byte[] json(final Block block) {
        return LedgerJson.bytes(JsonBlock.of(block));
    }

    private static void writeBytes(final DataOutputStream out, final byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(NO_VALUE);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] readBytes(final DataInputStream in) throws IOException {
        final int length = in.readInt();
        if (length == NO_VALUE) {
            return null;
        }
        if (length < 0 || length > 64 * 1024 * 1024) {
            throw new IllegalStateException("a value of " + length + " bytes");
        }
        final byte[] value = new byte[length];
        in.readFully(value);
        return value;
    }

    /**
     * A block as JSON: values and event payload in base64, null for a delete.
     *
     * @param writes key → base64 value, or null for a delete, in write order
     */
    record JsonBlock(
            long number,
            String txId,
            String timestamp,
            String creator,
            String function,
            Map<String, String> writes,
            String eventName,
            String eventPayload) {

        static JsonBlock of(final Block block) {
            final Map<String, String> writes = new LinkedHashMap<>();
            block.writes()
                    .forEach((k, v) ->
                            writes.put(k, v == null ? null : Base64.getEncoder().encodeToString(v)));
            return new JsonBlock(
                    block.number(),
                    block.txId(),
                    block.timestamp(),
                    block.creator(),
                    block.function(),
                    writes,
                    block.eventName(),
                    block.eventPayload() == null ? null : Base64.getEncoder().encodeToString(block.eventPayload()));
        }

        Block block() {
            final Map<String, byte[]> decoded = new LinkedHashMap<>();
            writes.forEach((k, v) ->
                    decoded.put(k, v == null ? null : Base64.getDecoder().decode(v)));
            return new Block(
                    number,
                    txId,
                    timestamp,
                    creator,
                    function,
                    decoded,
                    eventName,
                    eventPayload == null ? null : Base64.getDecoder().decode(eventPayload));
        }
    }
}
