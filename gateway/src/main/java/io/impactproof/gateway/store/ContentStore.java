package io.impactproof.gateway.store;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.digest.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A write-once, content-addressed store for signed credentials and evidence: an object lives at
 * {@code sha256/<hex>} with its media type beside it, and every read is checked against its digest.
 * Off the ledger by design: the ledger holds digests, this store the bytes. Thread-safe.
 */
public final class ContentStore {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

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

    /** Stores bytes (idempotent) and returns their hex SHA-256. */
    public String put(final byte[] bytes, final String mediaType) {
        return store(bytes, mediaType).sha256();
    }

    /** The outcome of storing: the digest, and whether this call created the object. */
    public record Stored(String sha256, boolean created) {}

    /**
     * Stores bytes before the ledger is asked to record their digest, so that whoever reacts to the
     * commit finds them; {@link #discard(Stored)} takes them back if the ledger refuses.
     */
    public Stored store(final byte[] bytes, final String mediaType) {
        final String hex = Digests.sha256Hex(bytes);
        final Path file = file(hex);
        if (Files.exists(file)) {
            return new Stored(hex, false);
        }
        try {
            final Path tmp = Files.createTempFile(root, hex, ".tmp");
            Files.write(tmp, bytes, StandardOpenOption.SYNC);
            Files.writeString(type(hex), mediaType);
            final Path sriIndex = root.resolve("sri");
            Files.createDirectories(sriIndex);
            Files.writeString(sriIndex.resolve(indexName(Digests.sri(bytes))), hex);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
                return new Stored(hex, false);
            }
            return new Stored(hex, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an object this node just created for a write the ledger refused; never one that existed before. */
    public void discard(final Stored stored) {
        if (!stored.created()) {
            return;
        }
        try {
            Files.deleteIfExists(file(stored.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object with this hex SHA-256, checked against it; empty when absent. */
    public Optional<StoredObject> get(final String hex) {
        if (!HEX.matcher(hex).matches()) {
            return Optional.empty();
        }
        final Path file = file(hex);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            final byte[] bytes = Files.readAllBytes(file);
            if (!Digests.sha256Hex(bytes).equals(hex)) {
                throw new CredentialException(ErrorCode.DIGEST_MISMATCH, "stored object " + hex + " was altered");
            }
            final Path type = type(hex);
            return Optional.of(new StoredObject(
                    hex, Files.exists(type) ? Files.readString(type) : "application/octet-stream", bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The hex SHA-256 of the stored object whose SHA-384 SRI is {@code sri}. The ledger pins some
     * credentials by SRI only; an index file per SRI keeps this lookup cheap.
     */
    public Optional<String> findBySri(final String sri) {
        final Path index = root.resolve("sri").resolve(indexName(sri));
        try {
            return Files.exists(index) ? Optional.of(Files.readString(index).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records that the credential with this id is stored as {@code hex}. */
    public void indexId(final String id, final String hex) {
        try {
            final Path dir = root.resolve("ids");
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve(Digests.sha256Hex(id.getBytes(java.nio.charset.StandardCharsets.UTF_8))), hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hex SHA-256 of the stored credential with this id. */
    public Optional<String> findById(final String id) {
        final Path index =
                root.resolve("ids").resolve(Digests.sha256Hex(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return Files.exists(index) ? Optional.of(Files.readString(index).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String indexName(final String sri) {
        return sri.replace('/', '_').replace('+', '-');
    }

    private Path file(final String hex) {
        return root.resolve("sha256").resolve(hex);
    }

    private Path type(final String hex) {
        return root.resolve("sha256").resolve(hex + ".type");
    }
}
