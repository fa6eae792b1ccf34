package io.impactproof.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.gateway.keys.KeyStoreFile;
import io.impactproof.gateway.store.ContentStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreAndKeysTest {
    @TempDir
    Path dir;

    @Test
    void the_store_is_content_addressed_write_once_and_checks_every_read() throws Exception {
        final ContentStore store = new ContentStore(dir);
        final byte[] bytes = "date,km\n2026-03-10,12\n".getBytes(StandardCharsets.UTF_8);

        final String hex = store.put(bytes, "text/csv");

        assertThat(hex).isEqualTo(Digests.sha256Hex(bytes));
        assertThat(store.put(bytes, "text/csv")).isEqualTo(hex);
        assertThat(store.get(hex)).hasValueSatisfying(o -> {
            assertThat(o.bytes()).isEqualTo(bytes);
            assertThat(o.mediaType()).isEqualTo("text/csv");
        });
        assertThat(store.findBySri(Digests.sri(bytes))).contains(hex);
        assertThat(store.get("../../etc/passwd")).isEmpty();
        assertThat(store.get("0".repeat(64))).isEmpty();

        Files.writeString(dir.resolve("sha256").resolve(hex), "tampered");
        assertThatThrownBy(() -> store.get(hex))
                .isInstanceOf(CredentialException.class)
                .hasMessageStartingWith("DIGEST_MISMATCH");
    }

    @Test
    void the_key_store_keeps_keys_across_restarts_readable_by_its_owner_only() throws Exception {
        final Path file = dir.resolve("keystore.json");
        final SigningKey created = KeyStoreFile.open(file)
                .key("validator", () -> SigningKey.of("did:web:v.example#key-1", SigningKey.newEd25519()));

        final SigningKey reread = KeyStoreFile.open(file).key("validator", () -> {
            throw new AssertionError("the key must be read back, not created again");
        });

        assertThat(reread.keyId()).isEqualTo(created.keyId());
        assertThat(reread.publicKey()).isEqualTo(created.publicKey());
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
}
