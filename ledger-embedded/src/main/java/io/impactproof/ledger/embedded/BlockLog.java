package io.impactproof.ledger.embedded;

import io.impactproof.client.ledger.LedgerInfo.ChainCheck;
import io.impactproof.model.LedgerJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The append-only, hash-chained block file. Not thread-safe: the ledger's single writer owns it;
 * {@link #read} may run beside it (it reads only blocks already forced to disk).
 *
 * <p>A record is {@code length (4 bytes) ‖ block JSON ‖ SHA-256(previous hash ‖ block JSON)}. A
 * block is acknowledged only after its record is forced to disk. At open, a last record that is
 * incomplete or does not match its hash is a write the crash interrupted — never acknowledged — and
 * is cut off, its bytes kept beside the log and the cut logged; a broken record followed by others is
 * tampering, and the ledger refuses to open.
 */
final class BlockLog implements AutoCloseable {
    static final int HASH_BYTES = 32;
    private static final int MAX_BLOCK_BYTES = 64 * 1024 * 1024;
    /** Every this many blocks, the offset of one is kept, so events can be read from any block. */
    private static final int INDEX_EVERY = 256;

    private static final Logger LOG = Logger.getLogger(BlockLog.class.getName());

    private final Path file;
    private final FileChannel channel;
    private byte[] lastHash = new byte[HASH_BYTES];
    private long height;
    private long size;
    private long[] index = new long[16];

    private BlockLog(final Path file, final FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens the log, replaying every block into {@code replay}, cutting off a torn tail. */
    static BlockLog open(final Path file, final Consumer<Block> replay) throws IOException {
        final FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        final BlockLog log = new BlockLog(file, channel);
        final Scan scan;
        try {
            scan = scan(channel, 0, 0, new byte[HASH_BYTES], (block, offset) -> {
                log.indexBlock(block.number(), offset);
                replay.accept(block);
            });
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (scan.broken() != null && !scan.brokenAtTail()) {
            channel.close();
            throw new LedgerCorruptException(
                    "block " + scan.height() + " of " + file + " does not match its hash: " + scan.broken());
        }
        if (channel.size() != scan.validBytes()) {
            log.cutTail(scan);
        }
        channel.position(scan.validBytes());
        log.lastHash = scan.lastHash();
        log.height = scan.height();
        log.size = scan.validBytes();
        return log;
    }

    /**
     * Cuts a torn last record: a write the crash interrupted, never acknowledged (blocks are forced
     * to disk before they are acknowledged). Its bytes are kept in a file beside the log, and the cut
     * is logged with its byte range and reason.
     */
    private void cutTail(final Scan scan) throws IOException {
        final long from = scan.validBytes();
        final long to = channel.size();
        final ByteBuffer tail = ByteBuffer.allocate((int) Math.min(to - from, MAX_BLOCK_BYTES + 8L + HASH_BYTES));
        readFully(channel, tail, from);
        final Path kept =
                file.resolveSibling(file.getFileName() + ".cut-" + Instant.now().toEpochMilli());
        Files.write(kept, Arrays.copyOf(tail.array(), tail.position()), StandardOpenOption.CREATE_NEW);
        LOG.warning(() -> "cut bytes " + from + " to " + to + " off the end of " + file + " (after block "
                + (scan.height() - 1) + "): " + (scan.broken() == null ? "trailing bytes" : scan.broken())
                + ", a write interrupted before it was acknowledged; the bytes are kept in " + kept);
        channel.truncate(from);
        channel.force(true);
    }

    /**
     * Appends blocks, each chained to the one before, and forces them to disk together (group
     * commit: one fsync for all). Until it returns, none of them counts: a crash may leave any prefix
     * of them, whose torn end the next open cuts off.
     */
    void appendAll(final List<Block> blocks) throws IOException {
        byte[] previous = lastHash;
        final List<ByteBuffer> records = new ArrayList<>(blocks.size());
        final long[] offsets = new long[blocks.size()];
        final byte[][] hashes = new byte[blocks.size()][];
        long at = size;
        for (int i = 0; i < blocks.size(); i++) {
            final byte[] body = LedgerJson.bytes(blocks.get(i));
            hashes[i] = hash(previous, body);
            previous = hashes[i];
            final ByteBuffer record = ByteBuffer.allocate(4 + body.length + HASH_BYTES);
            record.putInt(body.length).put(body).put(hashes[i]).flip();
            records.add(record);
            offsets[i] = at;
            at += record.remaining();
        }
        for (final ByteBuffer record : records) {
            while (record.hasRemaining()) {
                channel.write(record);
            }
        }
        channel.force(false);
        for (int i = 0; i < blocks.size(); i++) {
            indexBlock(blocks.get(i).number(), offsets[i]);
            lastHash = hashes[i];
            height++;
        }
        size = at;
    }

    long height() {
        return height;
    }

    String lastHash() {
        return HexFormat.of().formatHex(lastHash);
    }

    long sizeBytes() {
        return size;
    }

    /**
     * Reads blocks {@code from} (inclusive) to {@code to} (exclusive) from disk, in order. The range
     * must be committed: blocks below the height the caller saw.
     */
    void read(final long from, final long to, final Consumer<Block> consumer) throws IOException {
        if (from >= to) {
            return;
        }
        final long start = Math.max(0, from) / INDEX_EVERY;
        final long offset;
        synchronized (this) {
            offset = index[(int) start];
        }
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            final long[] remaining = {to - start * INDEX_EVERY};
            scanBlocks(reader, offset, block -> {
                if (block.number() >= from && block.number() < to) {
                    consumer.accept(block);
                }
                return --remaining[0] > 0;
            });
        }
    }

    private synchronized void indexBlock(final long number, final long offset) {
        if (number % INDEX_EVERY == 0) {
            final int slot = (int) (number / INDEX_EVERY);
            if (slot >= index.length) {
                index = Arrays.copyOf(index, Math.max(slot + 1, index.length * 2));
            }
            index[slot] = offset;
        }
    }

    /** Recomputes the whole chain from the file as it is on disk now. */
    static ChainCheck verify(final Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            final Scan scan = scan(channel, 0, 0, new byte[HASH_BYTES], (block, offset) -> {});
            if (scan.broken() != null) {
                return new ChainCheck(false, scan.height(), scan.height(), scan.broken());
            }
            return new ChainCheck(
                    true,
                    scan.height(),
                    -1,
                    "all " + scan.height() + " blocks chain to "
                            + HexFormat.of().formatHex(scan.lastHash()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Scan(long height, long validBytes, byte[] lastHash, String broken, boolean brokenAtTail) {}

    private interface Indexed {
        void accept(Block block, long offset);
    }

    private static Scan scan(
            final FileChannel channel,
            final long startOffset,
            final long startHeight,
            final byte[] startHash,
            final Indexed replay)
            throws IOException {
        final long size = channel.size();
        long offset = startOffset;
        long height = startHeight;
        byte[] previous = startHash;
        final ByteBuffer lengthBuffer = ByteBuffer.allocate(4);
        while (offset < size) {
            if (size - offset < 4) {
                return new Scan(height, offset, previous, "incomplete length at byte " + offset, true);
            }
            lengthBuffer.clear();
            readFully(channel, lengthBuffer, offset);
            final int length = lengthBuffer.flip().getInt();
            final long end = offset + 4 + (long) length + HASH_BYTES;
            if (length <= 0 || length > MAX_BLOCK_BYTES || end > size) {
                return new Scan(
                        height,
                        offset,
                        previous,
                        "incomplete or invalid record at byte " + offset,
                        end >= size || length <= 0);
            }
            final ByteBuffer record = ByteBuffer.allocate(length + HASH_BYTES);
            readFully(channel, record, offset + 4);
            final byte[] body = new byte[length];
            final byte[] stored = new byte[HASH_BYTES];
            record.flip();
            record.get(body).get(stored);
            final byte[] expected = hash(previous, body);
            if (!MessageDigest.isEqual(expected, stored)) {
                return new Scan(height, offset, previous, "hash mismatch at byte " + offset, end == size);
            }
            final Block block;
            try {
                block = LedgerJson.read(body, Block.class);
            } catch (IllegalStateException e) {
                return new Scan(height, offset, previous, "unreadable block at byte " + offset, end == size);
            }
            if (block.number() != height) {
                return new Scan(
                        height,
                        offset,
                        previous,
                        "block number " + block.number() + " where " + height + " was due",
                        end == size);
            }
            replay.accept(block, offset);
            previous = stored;
            height++;
            offset = end;
        }
        return new Scan(height, offset, previous, null, false);
    }

    /** Reads records from {@code offset} without checking hashes (they were checked at open), while {@code more} says so. */
    private static void scanBlocks(
            final FileChannel channel, final long startOffset, final java.util.function.Predicate<Block> more)
            throws IOException {
        long offset = startOffset;
        final long size = channel.size();
        final ByteBuffer lengthBuffer = ByteBuffer.allocate(4);
        while (offset + 4 <= size) {
            lengthBuffer.clear();
            readFully(channel, lengthBuffer, offset);
            final int length = lengthBuffer.flip().getInt();
            if (length <= 0 || offset + 4 + length + HASH_BYTES > size) {
                return;
            }
            final ByteBuffer body = ByteBuffer.allocate(length);
            readFully(channel, body, offset + 4);
            if (!more.test(LedgerJson.read(body.array(), Block.class))) {
                return;
            }
            offset += 4 + length + HASH_BYTES;
        }
    }

    private static void readFully(final FileChannel channel, final ByteBuffer buffer, final long position)
            throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            final int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("unexpected end of block log");
            }
            at += read;
        }
    }

    static byte[] hash(final byte[] previous, final byte[] body) {
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous);
            return sha.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    static Path fileIn(final Path directory) throws IOException {
        Files.createDirectories(directory);
        return directory.resolve("blocks.log");
    }
}
