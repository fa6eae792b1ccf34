package io.impactproof.gateway.artifacts;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.digest.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompressionType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A write-once, content-addressed store for signed credentials and evidence, checked against its
 * digest on every read. Off the ledger by design: the ledger holds digests, this store the bytes.
 * Thread-safe.
 *
 * <p>Objects live in one RocksDB database under {@code db/}: a few files for any number of objects,
 * values compressed, and every write synced to its write-ahead log before it returns, concurrent
 * writes sharing one fsync (RocksDB's group commit). Objects are written before the ledger is asked
 * to record their digest (so that whoever reacts to the commit finds them) and taken back if the
 * ledger refuses: {@link #pending} returns a {@link Pending} that the caller keeps or discards. An
 * object another request holds pending, or that existed before, is never discarded. A store written
 * in the earlier one-file-per-object layout stays readable ({@link FileLayout}).
 */
public final class ContentStore implements AutoCloseable {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX_FORMAT = HexFormat.of();
    private static final byte OBJECT = 'o';
    private static final byte ID = 'i';

    static {
        RocksDB.loadLibrary();
    }

    private final Path root;
    private final FileLayout before;
    private final Options options;
    private final LRUCache cache;
    private final WriteOptions synced;
    private final RocksDB db;
    private final Map<String, Holders> inFlight = new ConcurrentHashMap<>();
    /** Every use holds it shared and close exclusively: a closed database is never touched (that would crash). */
    private final ReadWriteLock open = new ReentrantReadWriteLock();

    private boolean closed;

    /** The writes holding an object pending: whether one of them created it, and whether one kept it. */
    private static final class Holders {
        int count;
        boolean created;
        boolean kept;
    }

    public ContentStore(final Path root) {
        this.root = root;
        this.before = new FileLayout(root);
        final Path dir = root.resolve("db");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Sized for a gateway beside its ledger: small memtables and cache (native memory, not heap).
        // Credentials are base64 text that repeats from one to the next: blocks of 32 KB, compressed
        // with LZ4 while they are young and with Zstandard where they settle (the last level).
        cache = new LRUCache(16L << 20);
        options = new Options()
                .setCreateIfMissing(true)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setKeepLogFileNum(2)
                .setWriteBufferSize(16L << 20)
                .setMaxWriteBufferNumber(2)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setBottommostCompressionType(CompressionType.ZSTD_COMPRESSION)
                .setTableFormatConfig(
                        new BlockBasedTableConfig().setBlockCache(cache).setBlockSize(32 << 10));
        synced = new WriteOptions().setSync(true);
        try {
            db = RocksDB.open(options, dir.toString());
        } catch (RocksDBException e) {
            close();
            throw new IllegalStateException(
                    "cannot open the content store " + dir + " (is another gateway using this data directory?): "
                            + e.getMessage(),
                    e);
        }
    }

    /** A stored object: its bytes and media type. */
    public record StoredObject(String sha256, String mediaType, byte[] bytes) {}

    /** An object written for a ledger write whose outcome is not known yet. */
    public final class Pending {
        private final String sha256;
        private boolean settled;

        private Pending(final String sha256) {
            this.sha256 = sha256;
        }

        public String sha256() {
            return sha256;
        }

        /** The ledger recorded it (or may have): the object stays. */
        public void keep() {
            settle(true);
        }

        /** The ledger refused: the object goes, unless it existed before or another write keeps it. */
        public void discard() {
            settle(false);
        }

        private synchronized void settle(final boolean keep) {
            if (settled) {
                return;
            }
            settled = true;
            release(sha256, keep);
        }
    }

    /** Stores bytes (idempotent) for good and returns their hex SHA-256. */
    public String put(final byte[] bytes, final String mediaType) {
        final Pending pending = pending(bytes, mediaType);
        pending.keep();
        return pending.sha256();
    }

    /** Stores bytes before the ledger is asked to record them; settle the result with keep or discard. */
    public Pending pending(final byte[] bytes, final String mediaType) {
        return pendingAll(List.of(bytes), mediaType).get(0);
    }

    /**
     * {@link #pending} for several objects, in one synced write: all or none (a failure discards
     * what this call took hold of).
     */
    public List<Pending> pendingAll(final List<byte[]> objects, final String mediaType) {
        return whileOpen(() -> hold(objects, mediaType));
    }

    private List<Pending> hold(final List<byte[]> objects, final String mediaType) {
        final byte[] type = mediaType.getBytes(StandardCharsets.UTF_8);
        if (type.length > 0xFFFF) {
            throw new IllegalArgumentException("media type longer than 65535 bytes");
        }
        final List<Pending> held = new ArrayList<>(objects.size());
        try (WriteBatch batch = new WriteBatch()) {
            for (final byte[] bytes : objects) {
                final String hex = Digests.sha256Hex(bytes);
                // Under the entry's lock: a concurrent discard of the same object cannot slip between
                // this check and the write below, since this hold keeps its count above zero.
                inFlight.compute(hex, (k, holders) -> {
                    final Holders h = holders == null ? new Holders() : holders;
                    if (!stored(hex)) {
                        h.created = true;
                        try {
                            batch.put(objectKey(hex), value(type, bytes));
                        } catch (RocksDBException e) {
                            throw failure(e);
                        }
                    }
                    h.count++;
                    return h;
                });
                held.add(new Pending(hex));
            }
            if (batch.count() > 0) {
                db.write(synced, batch);
            }
            return held;
        } catch (RocksDBException | RuntimeException e) {
            held.forEach(Pending::discard);
            throw e instanceof RocksDBException r ? failure(r) : (RuntimeException) e;
        }
    }

    private void release(final String hex, final boolean keep) {
        whileOpen(() -> inFlight.compute(hex, (k, h) -> {
            if (h == null) {
                return null;
            }
            h.kept |= keep;
            if (--h.count > 0) {
                return h;
            }
            if (h.created && !h.kept) {
                try {
                    db.delete(synced, objectKey(hex));
                } catch (RocksDBException e) {
                    throw failure(e);
                }
            }
            return null;
        }));
    }

    /** The object with this hex SHA-256, checked against it; empty when absent. */
    public Optional<StoredObject> get(final String hex) {
        if (hex == null || !HEX.matcher(hex).matches()) {
            return Optional.empty();
        }
        final Optional<StoredObject> object = whileOpen(() -> read(hex));
        object.ifPresent(o -> {
            if (!Digests.sha256Hex(o.bytes()).equals(hex)) {
                throw new CredentialException(ErrorCode.DIGEST_MISMATCH, "stored object " + hex + " was altered");
            }
        });
        return object;
    }

    private Optional<StoredObject> read(final String hex) {
        final byte[] value;
        try {
            value = db.get(objectKey(hex));
        } catch (RocksDBException e) {
            throw failure(e);
        }
        if (value == null) {
            return before.read(hex);
        }
        final ByteBuffer buffer = ByteBuffer.wrap(value);
        final byte[] type = new byte[Short.toUnsignedInt(buffer.getShort())];
        buffer.get(type);
        final byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return Optional.of(new StoredObject(hex, new String(type, StandardCharsets.UTF_8), bytes));
    }

    public boolean contains(final String hex) {
        return hex != null && HEX.matcher(hex).matches() && whileOpen(() -> stored(hex));
    }

    private boolean stored(final String hex) {
        // keyExists answers without copying the value out (held() asks it for every claim).
        return db.keyExists(objectKey(hex)) || before.contains(hex);
    }

    /** The bytes on disk of every stored object and its metadata (walks the store: call it sparingly). */
    public long bytes() {
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(path -> {
                        try {
                            return Files.size(path);
                        } catch (IOException e) {
                            return 0; // removed while walking (a compaction)
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure the content store " + root, e);
        }
    }

    /**
     * The SHA-256 of everything the database holds (each key and value, in key order): equal before
     * and after exactly when no object or id was added or removed, whatever its log files did (a
     * refused write appends its write and its removal to the write-ahead log).
     */
    public String fingerprint() {
        return whileOpen(() -> {
            final java.security.MessageDigest sha256;
            try {
                sha256 = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            try (RocksIterator it = db.newIterator()) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    final byte[] key = it.key();
                    final byte[] value = it.value();
                    sha256.update(ByteBuffer.allocate(8)
                            .putInt(key.length)
                            .putInt(value.length)
                            .array());
                    sha256.update(key);
                    sha256.update(value);
                }
            }
            return HEX_FORMAT.formatHex(sha256.digest());
        });
    }

    /**
     * The hex SHA-256 of a stored object by its SHA-384 SRI, from the index earlier versions wrote
     * (certificate records now pin the SHA-256 too). Empty when unknown.
     */
    public Optional<String> findBySri(final String sri) {
        return before.findBySri(sri);
    }

    /**
     * Records that the credential with this id is stored as {@code hex}: called only once the ledger
     * has recorded the credential, and every read through it is checked against the ledger again.
     */
    public void indexId(final String id, final String hex) {
        indexIds(Map.of(id, hex));
    }

    /** {@link #indexId} for several credentials (id → hex), in one synced write. */
    public void indexIds(final Map<String, String> idToHex) {
        if (idToHex.isEmpty()) {
            return;
        }
        whileOpen(() -> {
            try (WriteBatch batch = new WriteBatch()) {
                for (final Map.Entry<String, String> e : idToHex.entrySet()) {
                    batch.put(idKey(e.getKey()), HEX_FORMAT.parseHex(e.getValue()));
                }
                db.write(synced, batch);
                return null;
            } catch (RocksDBException e) {
                throw failure(e);
            }
        });
    }

    /** The hex SHA-256 the id index names for this credential id; callers check it against the ledger. */
    public Optional<String> findById(final String id) {
        final byte[] hex = whileOpen(() -> {
            try {
                return db.get(idKey(id));
            } catch (RocksDBException e) {
                throw failure(e);
            }
        });
        return hex != null
                ? Optional.of(HEX_FORMAT.formatHex(hex))
                : before.findById(Digests.sha256Hex(id.getBytes(StandardCharsets.UTF_8)));
    }

    /** Closes the database; a store must not be used after (a killed process loses nothing synced). */
    @Override
    public void close() {
        open.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (db != null) {
                db.close();
            }
            synced.close();
            options.close();
            cache.close();
        } finally {
            open.writeLock().unlock();
        }
    }

    private <T> T whileOpen(final Supplier<T> use) {
        open.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the content store " + root + " is closed");
            }
            return use.get();
        } finally {
            open.readLock().unlock();
        }
    }

    private static byte[] objectKey(final String hex) {
        final byte[] key = new byte[33];
        key[0] = OBJECT;
        System.arraycopy(HEX_FORMAT.parseHex(hex), 0, key, 1, 32);
        return key;
    }

    private static byte[] idKey(final String id) {
        final byte[] key = new byte[33];
        key[0] = ID;
        System.arraycopy(Digests.sha256(id.getBytes(StandardCharsets.UTF_8)), 0, key, 1, 32);
        return key;
    }

    /** The media type's length (two bytes), the media type, the object's bytes. */
    private static byte[] value(final byte[] type, final byte[] bytes) {
        return ByteBuffer.allocate(2 + type.length + bytes.length)
                .putShort((short) type.length)
                .put(type)
                .put(bytes)
                .array();
    }

    private static UncheckedIOException failure(final RocksDBException e) {
        return new UncheckedIOException(new IOException("content store: " + e.getMessage(), e));
    }
}
