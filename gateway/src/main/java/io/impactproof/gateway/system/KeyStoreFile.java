package io.impactproof.gateway.system;

import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * The private keys of the agents this node signs for (demo participants, automated verifiers and
 * validator), in one JSON file readable by its owner only — never in source code. Keys are created
 * on first use and kept, so a restarted node signs with the same DIDs. Thread-safe.
 */
public final class KeyStoreFile {
    private final Path file;
    private final Map<String, SigningKey> keys = new TreeMap<>();

    private KeyStoreFile(final Path file) {
        this.file = file;
    }

    public static KeyStoreFile open(final Path file) {
        final KeyStoreFile store = new KeyStoreFile(file);
        if (Files.exists(file)) {
            try {
                final ObjectNode json = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
                json.properties()
                        .forEach(e -> store.keys.put(
                                e.getKey(),
                                SigningKey.parse(
                                        e.getValue().path("kid").stringValue(""),
                                        Json.write(e.getValue().path("jwk")))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return store;
    }

    /** The key named {@code alias}, created by {@code create} and saved if it does not exist yet. */
    public synchronized SigningKey key(final String alias, final Supplier<SigningKey> create) {
        final SigningKey existing = keys.get(alias);
        if (existing != null) {
            return existing;
        }
        final SigningKey created = create.get();
        keys.put(alias, created);
        save();
        return created;
    }

    private void save() {
        final ObjectNode json = Json.object();
        keys.forEach((alias, key) -> {
            final ObjectNode entry = Json.object().put("kid", key.keyId());
            entry.set("jwk", Json.parseObject(key.toPrivateJwkJson()));
            json.set(alias, entry);
        });
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(
                    tmp,
                    Json.write(json),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the platform's default permissions apply.
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
