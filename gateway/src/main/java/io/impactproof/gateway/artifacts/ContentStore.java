package io.impactproof.gateway.artifacts;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.digest.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * A write-once, content-addressed store for signed credentials and evidence: an object lives at
 * {@code sha256/<hex>} with its media type beside it, and every read is checked against its digest.
 * Off the ledger by design: the ledger holds digests, this store the bytes. Thread-safe.
 *
 * <p>Objects are written before the ledger is asked to record their digest (so that whoever reacts
 * to the commit finds them) and taken back if the ledger refuses: {@link #put} returns a
 * {@link Pending} that the caller keeps or discards. An object another request holds pending, or
 * that existed before, is never discarded.
 */
public final class ContentStore {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final String CREDENTIAL = io.impactproof.credentials.jwt.SignedCredential.MEDIA_TYPE;

    private final Path root;
    private final Map<String, Holders> inFlight = new ConcurrentHashMap<>();

    /** The writes holding an object pending: whether one of them created it, and whether one kept it. */
    private static final class Holders {
        int count;
        boolean created;
        boolean kept;
    }

    public ContentStore(final Path root) {
        this.root = root;
        try {
            Files.createDirectories(root.resolve("sha256"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /**
     * Writers for batches: each object is still written and forced on its own, but concurrently, so
     * that the file system's journal commits many of those fsyncs at once (4× fewer waits measured
     * here on ext4 with 16 writers). I/O-bound, hence more threads than cores.
     */
    private static final ExecutorService WRITERS = Executors.newFixedThreadPool(16, runnable -> {
        final Thread thread = new Thread(runnable, "content-store-writer");
        thread.setDaemon(true);
        return thread;
    });

    /** {@link #pending} for several objects, written concurrently; all or none (a failure discards the rest). */
    public List<Pending> pendingAll(final List<byte[]> objects, final String mediaType) {
        if (objects.size() <= 1) {
            return objects.stream().map(bytes -> pending(bytes, mediaType)).toList();
        }
        final List<Future<Pending>> writes = objects.stream()
                .map(bytes -> WRITERS.submit(() -> pending(bytes, mediaType, false)))
                .toList();
        final List<Pending> written = new ArrayList<>();
        RuntimeException failure = null;
        for (final Future<Pending> write : writes) {
            try {
                written.add(write.get());
            } catch (ExecutionException e) {
                failure = failure != null
                        ? failure
                        : e.getCause() instanceof RuntimeException r
                                ? r
                                : new UncheckedIOException(new IOException(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("interrupted while storing", e);
            }
        }
        if (failure == null) {
            try {
                // The renames are durable once their one directory is forced: once for the batch.
                syncDirectory(root.resolve("sha256"));
            } catch (IOException e) {
                failure = new UncheckedIOException(e);
            }
        }
        if (failure != null) {
            written.forEach(Pending::discard);
            throw failure;
        }
        return written;
    }

    /** {@link #indexId} for several credentials (id → hex), written concurrently. */
    public void indexIds(final Map<String, String> idToHex) {
        final List<Future<Boolean>> writes = idToHex.entrySet().stream()
                .map(e -> WRITERS.submit(() -> {
                    indexId(e.getKey(), e.getValue(), false);
                    return true;
                }))
                .toList();
        for (final Future<Boolean> write : writes) {
            try {
                write.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while indexing", e);
            }
        }
        if (!idToHex.isEmpty()) {
            try {
                syncDirectory(root.resolve("ids"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Stores bytes before the ledger is asked to record them; settle the result with keep or discard. */
    public Pending pending(final byte[] bytes, final String mediaType) {
        return pending(bytes, mediaType, true);
    }

    private Pending pending(final byte[] bytes, final String mediaType, final boolean syncDirectory) {
        final String hex = Digests.sha256Hex(bytes);
        // Writing under the entry's lock: a concurrent discard of the same object cannot slip between.
        inFlight.compute(hex, (k, holders) -> {
            final boolean created = write(hex, bytes, mediaType, syncDirectory);
            final Holders h = holders == null ? new Holders() : holders;
            h.count++;
            h.created |= created;
            return h;
        });
        return new Pending(hex);
    }

    private boolean write(final String hex, final byte[] bytes, final String mediaType, final boolean syncDir) {
        if (contains(hex)) {
            return false;
        }
        final boolean credential = CREDENTIAL.equals(mediaType);
        final Path file = credential ? credentialFile(hex) : file(hex);
        try {
            if (!credential) {
                Files.write(
                        type(hex),
                        mediaType.getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
            }
            final Path tmp = Files.createTempFile(root, hex, ".tmp");
            Files.write(tmp, bytes, StandardOpenOption.SYNC);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
                return false;
            }
            if (syncDir) {
                syncDirectory(file.getParent());
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(final String hex, final boolean keep) {
        inFlight.compute(hex, (k, h) -> {
            if (h == null) {
                return null;
            }
            h.kept |= keep;
            if (--h.count > 0) {
                return h;
            }
            if (h.created && !h.kept) {
                try {
                    Files.deleteIfExists(credentialFile(hex));
                    Files.deleteIfExists(file(hex));
                    Files.deleteIfExists(type(hex));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return null;
        });
    }

    /** The object with this hex SHA-256, checked against it; empty when absent. */
    public Optional<StoredObject> get(final String hex) {
        if (hex == null || !HEX.matcher(hex).matches()) {
            return Optional.empty();
        }
        final Path file = existing(hex);
        if (file == null) {
            return Optional.empty();
        }
        final boolean credential = file.equals(credentialFile(hex));
        try {
            final byte[] bytes = Files.readAllBytes(file);
            if (!Digests.sha256Hex(bytes).equals(hex)) {
                throw new CredentialException(ErrorCode.DIGEST_MISMATCH, "stored object " + hex + " was altered");
            }
            final Path type = type(hex);
            final String mediaType =
                    credential ? CREDENTIAL : Files.exists(type) ? Files.readString(type) : "application/octet-stream";
            return Optional.of(new StoredObject(hex, mediaType, bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes on disk of every stored object and its metadata (walks the store: call it sparingly). */
    public long bytes() {
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(path -> {
                        try {
                            return Files.size(path);
                        } catch (IOException e) {
                            return 0; // removed while walking
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure the content store " + root, e);
        }
    }

    public boolean contains(final String hex) {
        return hex != null && HEX.matcher(hex).matches() && existing(hex) != null;
    }

    /** The file holding the object, in either layout; null when it is not stored. */
    private Path existing(final String hex) {
        final Path credential = credentialFile(hex);
        if (Files.exists(credential)) {
            return credential;
        }
        final Path file = file(hex);
        return Files.exists(file) ? file : null;
    }

    /**
     * The hex SHA-256 of a stored object by its SHA-384 SRI, from the index earlier versions wrote
     * (certificate records now pin the SHA-256 too). Empty when unknown.
     */
    public Optional<String> findBySri(final String sri) {
        final Path index = root.resolve("sri").resolve(sri.replace('/', '_').replace('+', '-'));
        try {
            return Files.exists(index) ? Optional.of(Files.readString(index).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records that the credential with this id is stored as {@code hex}: called only once the ledger
     * has recorded the credential, and every read through it is checked against the ledger again.
     */
    public void indexId(final String id, final String hex) {
        indexId(id, hex, true);
    }

    private void indexId(final String id, final String hex, final boolean syncDir) {
        try {
            final Path dir = root.resolve("ids");
            Files.createDirectories(dir);
            final Path tmp = Files.createTempFile(dir, "id", ".tmp");
            Files.write(tmp, hex.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.SYNC);
            Files.move(tmp, idFile(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (syncDir) {
                syncDirectory(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rename is durable once its directory is forced too (a power cut, not only a killed process). */
    private static void syncDirectory(final Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** The hex SHA-256 the id index names for this credential id; callers check it against the ledger. */
    public Optional<String> findById(final String id) {
        final Path index = idFile(id);
        try {
            return Files.exists(index) ? Optional.of(Files.readString(index).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path idFile(final String id) {
        return root.resolve("ids").resolve(Digests.sha256Hex(id.getBytes(StandardCharsets.UTF_8)));
    }

    private Path file(final String hex) {
        return root.resolve("sha256").resolve(hex);
    }

    /**
     * A signed credential's file: its media type is in its name, so storing one is one synced file,
     * not two. Other objects (evidence) keep a type file beside them, written first; a file without
     * either is never served as a public credential. Stores written before keep both forms readable.
     */
    private Path credentialFile(final String hex) {
        return root.resolve("sha256").resolve(hex + ".vc-jwt");
    }

    private Path type(final String hex) {
        return root.resolve("sha256").resolve(hex + ".type");
    }
}
