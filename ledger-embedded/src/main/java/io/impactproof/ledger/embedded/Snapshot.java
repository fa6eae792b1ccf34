package io.impactproof.ledger.embedded;

import io.impactproof.model.KeyOrder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The world state as of a block, saved so that a start does not replay the whole log (Fabric's state
 * database and its savepoint play this part on a peer). The file {@code state.snapshot} holds a
 * magic, the CRC-32C of everything after the header, then, deflated: the {@link BlockLog.Position}
 * it reflects (height, log size, last record's offset and hash, read index) and every entry in key
 * order. It is written beside the log under a temporary name, forced to disk and renamed over the
 * last one, so a crash leaves the old snapshot or the new one, never part of one.
 *
 * <p>It is a cache of what the blocks say: a snapshot that is damaged, unreadable, or that the log
 * does not hold (its last block missing or different) is ignored with a warning, and the state is
 * rebuilt from every block. {@link EmbeddedLedger#verify} re-derives the state from the blocks and
 * compares.
 */
final class Snapshot {
    static final String FILE = "state.snapshot";
    private static final byte[] MAGIC = "impactproof state snapshot 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 8;
    private static final Logger LOG = Logger.getLogger(Snapshot.class.getName());

    /** A snapshot read back: where the log stood and the entries then. */
    record Loaded(BlockLog.Position position, TreeMap<String, byte[]> entries) {}

    private Snapshot() {}

    /** Writes {@code entries}, the state after {@code position}, durably replacing the last snapshot. */
    static void write(final Path directory, final BlockLog.Position position, final Map<String, byte[]> entries)
            throws IOException {
        final Path temporary = directory.resolve(FILE + ".tmp");
        final CRC32C crc = new CRC32C();
        try (OutputStream file = Files.newOutputStream(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            // The stream chain below closes the file; this try closes it if the chain is never built.
            file.write(MAGIC);
            file.write(new byte[8]);
            final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new DeflaterOutputStream(new CheckedOutputStream(file, crc), deflater, 65536), 65536))) {
                out.writeLong(position.height());
                out.writeLong(position.bytes());
                out.writeLong(position.lastOffset());
                out.write(position.lastHash());
                out.writeInt(position.index().length);
                for (final long offset : position.index()) {
                    out.writeLong(offset);
                }
                out.writeLong(entries.size());
                for (final var entry : entries.entrySet()) {
                    final byte[] key = entry.getKey().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(key.length);
                    out.write(key);
                    out.writeInt(entry.getValue().length);
                    out.write(entry.getValue());
                }
            } finally {
                deflater.end();
            }
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(8).putLong(crc.getValue()).flip(), MAGIC.length);
            channel.force(true);
        }
        Files.move(
                temporary,
                directory.resolve(FILE),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /**
     * Reads the snapshot in {@code directory}, or returns null when there is none or it cannot be
     * used (logged): damaged, unreadable, or not held by the log in {@code logFile}.
     */
    static Loaded read(final Path directory, final Path logFile) {
        final Path file = directory.resolve(FILE);
        try {
            Files.deleteIfExists(directory.resolve(FILE + ".tmp"));
            if (!Files.exists(file)) {
                return null;
            }
            final Loaded loaded = load(file);
            if (!BlockLog.holds(logFile, loaded.position())) {
                LOG.warning(() -> "ignored " + file + ": the block log does not hold its block "
                        + (loaded.position().height() - 1) + " as it was; the state is rebuilt from every block");
                return null;
            }
            return loaded;
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "ignored " + file + " (" + e.getMessage() + "); the state is rebuilt from every block");
            return null;
        }
    }

    private static Loaded load(final Path file) throws IOException {
        final CRC32C crc = new CRC32C();
        final java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536)) {
            final byte[] header = in.readNBytes(HEADER);
            if (header.length != HEADER || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new IOException("not a state snapshot");
            }
            final long expected = ByteBuffer.wrap(header, MAGIC.length, 8).getLong();
            final CheckedInputStream checked = new CheckedInputStream(in, crc);
            final DataInputStream data = new DataInputStream(
                    new BufferedInputStream(new InflaterInputStream(checked, inflater, 65536), 65536));
            final long height = data.readLong();
            final long bytes = data.readLong();
            final long lastOffset = data.readLong();
            final byte[] lastHash = new byte[BlockLog.HASH_BYTES];
            data.readFully(lastHash);
            final long[] index = new long[checkedCount(data.readInt())];
            for (int i = 0; i < index.length; i++) {
                index[i] = data.readLong();
            }
            final long count = data.readLong();
            final TreeMap<String, byte[]> entries = new TreeMap<>(KeyOrder.COMPARATOR);
            for (long i = 0; i < count; i++) {
                final byte[] key = new byte[checkedCount(data.readInt())];
                data.readFully(key);
                final byte[] value = new byte[checkedCount(data.readInt())];
                data.readFully(value);
                entries.put(new String(key, StandardCharsets.UTF_8), value);
            }
            checked.transferTo(OutputStream.nullOutputStream());
            if (crc.getValue() != expected) {
                throw new IOException("its checksum does not match");
            }
            return new Loaded(new BlockLog.Position(height, bytes, lastOffset, lastHash, index), entries);
        } finally {
            inflater.end();
        }
    }

    private static int checkedCount(final int count) throws IOException {
        if (count < 0 || count > 64 * 1024 * 1024) {
            throw new IOException("a length of " + count);
        }
        return count;
    }
}
