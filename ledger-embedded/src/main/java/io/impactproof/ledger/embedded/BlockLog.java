package io.impactproof.ledger.embedded;

import io.impactproof.client.ledger.LedgerInfo.ChainCheck;
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
 * <p>A record is {@code length word (4 bytes) ‖ body ‖ SHA-256(previous hash ‖ body)}, the body
 * as {@link BlockCodec} stores it (packed, or block JSON in logs written before packing). A block
 * is acknowledged only after its record is forced to disk. At open, a last record that is
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
    private long lastOffset = -1;
    private long[] index = new long[16];

    /**
     * Where the log stood after {@code height} blocks: its size, the offset of its last record and
     * that record's hash, and the offsets kept for reading from any block. This record is immutable
     * by convention (the arrays are copies nobody changes).
     */
    record Position(long height, long bytes, long lastOffset, byte[] lastHash, long[] index) {}

    /** A block's number and its packed content ({@link BlockCodec#pack}), ready to append. */
    record Entry(long number, byte[] packed) {}

    private BlockLog(final Path file, final FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Opens the log, replaying into {@code replay} every block after {@code start} (every block when
     * it is null), cutting off a torn tail. The blocks up to {@code start} are not read, only their
     * hash chain recomputed: the state up to there comes from a snapshot ({@link #holds} checked
     * that the log holds its last block).
     */
    static BlockLog open(final Path file, final Position start, final Consumer<Block> replay) throws IOException {
        final FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        final BlockLog log = new BlockLog(file, channel);
        final Scan scan;
        try {
            if (start != null) {
                checkPrefix(file, channel, start);
                log.index = Arrays.copyOf(start.index(), Math.max(16, start.index().length));
                log.lastOffset = start.lastOffset();
            }
            scan = scan(
                    channel,
                    start == null ? 0 : start.bytes(),
                    start == null ? 0 : start.height(),
                    start == null ? new byte[HASH_BYTES] : start.lastHash(),
                    (block, offset) -> {
                        log.indexBlock(block.number(), offset);
                        log.lastOffset = offset;
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
     * Recomputes the chain up to {@code start} without reading the blocks (hashing is cheap; reading
     * them is what a snapshot saves): a block changed before the snapshot is refused as at any open.
     */
    private static void checkPrefix(final Path file, final FileChannel channel, final Position start)
            throws IOException {
        final Scan prefix = scan(channel, 0, 0, new byte[HASH_BYTES], null, start.bytes());
        if (prefix.broken() != null
                || prefix.validBytes() != start.bytes()
                || prefix.height() != start.height()
                || !MessageDigest.isEqual(prefix.lastHash(), start.lastHash())) {
            throw new LedgerCorruptException("block " + prefix.height() + " of " + file + " does not match its hash: "
                    + (prefix.broken() == null ? "the chain does not lead to the snapshot's block" : prefix.broken()));
        }
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
    void appendAll(final List<Entry> blocks) throws IOException {
        byte[] previous = lastHash;
        final List<ByteBuffer> records = new ArrayList<>(blocks.size());
        final long[] offsets = new long[blocks.size()];
        final byte[][] hashes = new byte[blocks.size()][];
        long at = size;
        for (int i = 0; i < blocks.size(); i++) {
            final byte[] body =
                    BlockCodec.body(blocks.get(i).number(), blocks.get(i).packed());
            if (body.length > MAX_BLOCK_BYTES) {
                throw new IOException(
                        "block " + blocks.get(i).number() + " is " + body.length + " bytes, over " + MAX_BLOCK_BYTES);
            }
            hashes[i] = hash(previous, body);
            previous = hashes[i];
            final ByteBuffer record = ByteBuffer.allocate(4 + body.length + HASH_BYTES);
            record.putInt(BlockCodec.wordFor(body.length))
                    .put(body)
                    .put(hashes[i])
                    .flip();
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
            lastOffset = offsets[i];
            height++;
        }
        size = at;
    }

    /** Where the log stands now (blocks forced to disk only). */
    synchronized Position position() {
        final int slots = (int) ((height + INDEX_EVERY - 1) / INDEX_EVERY);
        return new Position(height, size, lastOffset, lastHash.clone(), Arrays.copyOf(index, slots));
    }

    /**
     * Whether the log on disk holds the blocks {@code position} describes: at its last offset, a
     * whole record of block {@code height − 1} ending at its size, with its hash. (Every earlier
     * block is chained into that hash; {@link #verify} recomputes the chain.)
     */
    static boolean holds(final Path file, final Position position) throws IOException {
        if (position.height() == 0) {
            return position.bytes() == 0;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            final long at = position.lastOffset();
            if (at < 0 || position.bytes() > channel.size() || at + 4 + HASH_BYTES > position.bytes()) {
                return false;
            }
            final ByteBuffer word = ByteBuffer.allocate(4);
            readFully(channel, word, at);
            final int lengthWord = word.flip().getInt();
            final int length = BlockCodec.lengthOf(lengthWord);
            if (length < 0 || length > MAX_BLOCK_BYTES || at + 4 + length + HASH_BYTES != position.bytes()) {
                return false;
            }
            final ByteBuffer record = ByteBuffer.allocate(length + HASH_BYTES);
            readFully(channel, record, at + 4);
            final byte[] body = Arrays.copyOf(record.array(), length);
            final byte[] stored = Arrays.copyOfRange(record.array(), length, length + HASH_BYTES);
            if (!MessageDigest.isEqual(stored, position.lastHash())) {
                return false;
            }
            try {
                return BlockCodec.read(body, lengthWord).number() == position.height() - 1;
            } catch (IllegalStateException e) {
                return false;
            }
        }
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
        return verify(file, block -> {});
    }

    /** Recomputes the whole chain, handing each block that verified to {@code each}, in order. */
    static ChainCheck verify(final Path file, final Consumer<Block> each) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            final Scan scan = scan(channel, 0, 0, new byte[HASH_BYTES], (block, offset) -> each.accept(block));
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
        return scan(channel, startOffset, startHeight, startHash, replay, channel.size());
    }

    /** Scans records from {@code startOffset} up to {@code limit}; only hashes them when {@code replay} is null. */
    private static Scan scan(
            final FileChannel channel,
            final long startOffset,
            final long startHeight,
            final byte[] startHash,
            final Indexed replay,
            final long limit)
            throws IOException {
        final long size = Math.min(limit, channel.size());
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
            final int lengthWord = lengthBuffer.flip().getInt();
            final int length = BlockCodec.lengthOf(lengthWord);
            final long end = offset + 4 + (long) length + HASH_BYTES;
            if (length < 0 || length > MAX_BLOCK_BYTES || end > size) {
                return new Scan(
                        height,
                        offset,
                        previous,
                        "incomplete or invalid record at byte " + offset,
                        end >= size || length < 0);
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
            if (replay != null) {
                final Block block;
                try {
                    block = BlockCodec.read(body, lengthWord);
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
            }
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
            final int lengthWord = lengthBuffer.flip().getInt();
            final int length = BlockCodec.lengthOf(lengthWord);
            if (length < 0 || offset + 4 + length + HASH_BYTES > size) {
                return;
            }
            final ByteBuffer body = ByteBuffer.allocate(length);
            readFully(channel, body, offset + 4);
            if (!more.test(BlockCodec.read(body.array(), lengthWord))) {
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
