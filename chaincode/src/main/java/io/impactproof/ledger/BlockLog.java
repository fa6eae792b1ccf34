package io.impactproof.ledger;

import io.impactproof.chaincode.core.LedgerJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;

/**
 * The append-only, hash-chained block file. Not thread-safe: the ledger's single writer owns it.
 *
 * <p>A record is {@code length (4 bytes) ‖ block JSON ‖ SHA-256(previous hash ‖ block JSON)}. A
 * block is acknowledged only after its record is forced to disk. At open, a last record that is
 * incomplete or does not match its hash is a write the crash interrupted — never acknowledged — and
 * is cut off; a broken record followed by others is tampering, and the ledger refuses to open.
 */
final class BlockLog implements AutoCloseable {
    static final int HASH_BYTES = 32;
    private static final int MAX_BLOCK_BYTES = 64 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(BlockLog.class.getName());

    private final FileChannel channel;
    private byte[] lastHash = new byte[HASH_BYTES];
    private long height;

    private BlockLog(final FileChannel channel) {
        this.channel = channel;
    }

    /** Opens the log, replaying every block into {@code replay}, cutting off a torn tail. */
    static BlockLog open(final Path file, final java.util.function.Consumer<Block> replay) throws IOException {
        final FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        final BlockLog log = new BlockLog(channel);
        final Scan scan = scan(channel, replay);
        if (scan.broken() != null) {
            if (!scan.brokenAtTail()) {
                channel.close();
                throw new LedgerCorruptException(
                        "block " + scan.height() + " of " + file + " does not match its hash: " + scan.broken());
            }
            LOG.warning(() -> "cutting off an unacknowledged torn write at the end of " + file + ": " + scan.broken());
        }
        if (channel.size() != scan.validBytes()) {
            channel.truncate(scan.validBytes());
            channel.force(true);
        }
        channel.position(scan.validBytes());
        log.lastHash = scan.lastHash();
        log.height = scan.height();
        return log;
    }

    /** Appends a block and forces it to disk; returns its hash. */
    byte[] append(final Block block) throws IOException {
        final byte[] body = LedgerJson.bytes(block);
        final byte[] hash = hash(lastHash, body);
        final ByteBuffer record = ByteBuffer.allocate(4 + body.length + HASH_BYTES);
        record.putInt(body.length).put(body).put(hash).flip();
        while (record.hasRemaining()) {
            channel.write(record);
        }
        channel.force(false);
        lastHash = hash;
        height++;
        return hash;
    }

    long height() {
        return height;
    }

    String lastHash() {
        return HexFormat.of().formatHex(lastHash);
    }

    long sizeBytes() throws IOException {
        return channel.size();
    }

    /** Recomputes the whole chain from the file as it is on disk now. */
    static ChainReport verify(final Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            final Scan scan = scan(channel, block -> {});
            if (scan.broken() != null) {
                return new ChainReport(false, scan.height(), scan.height(), scan.broken());
            }
            return new ChainReport(
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

    private static Scan scan(final FileChannel channel, final java.util.function.Consumer<Block> replay)
            throws IOException {
        final long size = channel.size();
        long offset = 0;
        long height = 0;
        byte[] previous = new byte[HASH_BYTES];
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
            replay.accept(block);
            previous = stored;
            height++;
            offset = end;
        }
        return new Scan(height, offset, previous, null, false);
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

    static List<Block> readAll(final Path file) throws IOException {
        final List<Block> blocks = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            scan(channel, blocks::add);
        }
        return blocks;
    }
}
