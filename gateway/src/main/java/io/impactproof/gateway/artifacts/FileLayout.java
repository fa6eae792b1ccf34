package io.impactproof.gateway.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The content store's layout before it moved into one database: an object per file under
 * {@code sha256/<hex>} (a credential as {@code <hex>.vc-jwt}, anything else with its media type in
 * {@code <hex>.type}), an id index of one file per credential id, an SRI index. Read only, so that
 * a store written by an earlier version keeps serving what it holds; nothing is written here now.
 */
final class FileLayout {
    private static final String CREDENTIAL = io.impactproof.credentials.jwt.SignedCredential.MEDIA_TYPE;

    private final Path root;

    FileLayout(final Path root) {
        this.root = root;
    }

    /** The media type and bytes stored under this (already checked) hex; empty when absent. */
    Optional<ContentStore.StoredObject> read(final String hex) {
        final Path credential = root.resolve("sha256").resolve(hex + ".vc-jwt");
        final Path file =
                Files.exists(credential) ? credential : root.resolve("sha256").resolve(hex);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            final byte[] bytes = Files.readAllBytes(file);
            final Path type = root.resolve("sha256").resolve(hex + ".type");
            // A file with neither a credential's name nor a type file is never served as a credential.
            final String mediaType = file.equals(credential)
                    ? CREDENTIAL
                    : Files.exists(type) ? Files.readString(type) : "application/octet-stream";
            return Optional.of(new ContentStore.StoredObject(hex, mediaType, bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean contains(final String hex) {
        return Files.exists(root.resolve("sha256").resolve(hex + ".vc-jwt"))
                || Files.exists(root.resolve("sha256").resolve(hex));
    }

    /** The hex the id index names for a credential id (the index file is named by the id's SHA-256). */
    Optional<String> findById(final String idSha256Hex) {
        return readTrimmed(root.resolve("ids").resolve(idSha256Hex));
    }

    Optional<String> findBySri(final String sri) {
        return readTrimmed(root.resolve("sri").resolve(sri.replace('/', '_').replace('+', '-')));
    }

    private static Optional<String> readTrimmed(final Path file) {
        try {
            return Files.exists(file)
                    ? Optional.of(
                            Files.readString(file, StandardCharsets.US_ASCII).trim())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
