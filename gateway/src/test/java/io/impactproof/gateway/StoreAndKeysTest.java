package io.impactproof.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactproof.client.ledger.OutcomeUnknown;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCategory;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.credentials.vc.VerifiableCredential;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.gateway.system.KeyStoreFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreAndKeysTest {
    @TempDir
    Path dir;

    @Test
    void the_store_is_content_addressed_write_once_and_checks_every_read() throws Exception {
        try (ContentStore store = new ContentStore(dir)) {
            final byte[] bytes = "date,km\n2026-03-10,12\n".getBytes(StandardCharsets.UTF_8);

            final String hex = store.put(bytes, "text/csv");

            assertThat(hex).isEqualTo(Digests.sha256Hex(bytes));
            assertThat(store.put(bytes, "text/csv")).isEqualTo(hex);
            assertThat(store.get(hex)).hasValueSatisfying(o -> {
                assertThat(o.bytes()).isEqualTo(bytes);
                assertThat(o.mediaType()).isEqualTo("text/csv");
            });
            assertThat(store.get("../../etc/passwd")).isEmpty();
            assertThat(store.get("0".repeat(64))).isEmpty();
            assertThat(store.contains("../../etc/passwd")).isFalse();

            final byte[] original = "original".getBytes(StandardCharsets.UTF_8);
            Files.createDirectories(dir.resolve("sha256"));
            Files.writeString(dir.resolve("sha256").resolve(Digests.sha256Hex(original)), "tampered");
            assertThatThrownBy(() -> store.get(Digests.sha256Hex(original)))
                    .isInstanceOf(CredentialException.class)
                    .hasMessageStartingWith("DIGEST_MISMATCH");
        }
    }

    @Test
    void many_objects_take_a_few_files_and_a_store_written_before_stays_readable() throws Exception {
        final SigningKey owner = SigningKey.generateEd25519DidKey();
        final List<SignedCredential> credentials = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            credentials.add(credential(owner, "urn:uuid:few-files-" + i));
        }
        try (ContentStore store = new ContentStore(dir)) {
            for (final SignedCredential c : credentials) {
                store.put(c.bytes(), SignedCredential.MEDIA_TYPE);
            }
            assertThat(files()).as("not a file per object").hasSizeLessThan(15);
        }
        try (ContentStore store = new ContentStore(dir)) {
            for (final SignedCredential c : credentials) {
                assertThat(store.get(c.sha256Hex())).hasValueSatisfying(o -> {
                    assertThat(o.bytes()).isEqualTo(c.bytes());
                    assertThat(o.mediaType()).isEqualTo(SignedCredential.MEDIA_TYPE);
                });
            }

            // The layouts before: the bytes under their hex with the media type in a file beside
            // them, or a credential under <hex>.vc-jwt; the id index as a file named by the id's hash.
            final SignedCredential older = credential(owner, "urn:uuid:older");
            final SignedCredential newer = credential(owner, "urn:uuid:newer");
            final Path sha256 = Files.createDirectories(dir.resolve("sha256"));
            Files.write(sha256.resolve(older.sha256Hex()), older.bytes());
            Files.writeString(sha256.resolve(older.sha256Hex() + ".type"), SignedCredential.MEDIA_TYPE);
            Files.write(sha256.resolve(newer.sha256Hex() + ".vc-jwt"), newer.bytes());
            Files.writeString(
                    Files.createDirectories(dir.resolve("ids"))
                            .resolve(Digests.sha256Hex("urn:uuid:older".getBytes(StandardCharsets.UTF_8))),
                    older.sha256Hex());
            for (final SignedCredential c : List.of(older, newer)) {
                assertThat(store.contains(c.sha256Hex())).isTrue();
                assertThat(store.get(c.sha256Hex()))
                        .hasValueSatisfying(o -> assertThat(o.mediaType()).isEqualTo(SignedCredential.MEDIA_TYPE));
                assertThat(store.put(c.bytes(), SignedCredential.MEDIA_TYPE)).isEqualTo(c.sha256Hex());
            }
            assertThat(store.findById("urn:uuid:older")).contains(older.sha256Hex());

            // Bytes without a type file are never taken for a (public) credential.
            final byte[] untyped = "untyped".getBytes(StandardCharsets.UTF_8);
            Files.write(sha256.resolve(Digests.sha256Hex(untyped)), untyped);
            assertThat(store.get(Digests.sha256Hex(untyped)))
                    .hasValueSatisfying(o -> assertThat(o.mediaType()).isEqualTo("application/octet-stream"));
        }
    }

    @Test
    void one_gateway_at_a_time_and_a_closed_store_is_never_touched() {
        final ContentStore store = new ContentStore(dir);
        assertThatThrownBy(() -> new ContentStore(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is another gateway using this data directory?");
        store.close();
        assertThatThrownBy(() -> store.get("0".repeat(64)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> store.put(new byte[] {1}, "text/plain")).isInstanceOf(IllegalStateException.class);
        store.close();
    }

    @Test
    void an_object_stored_for_a_refused_write_leaves_nothing_unless_another_write_holds_it() throws Exception {
        final byte[] bytes = "refused".getBytes(StandardCharsets.UTF_8);
        final String kept;
        try (ContentStore store = new ContentStore(dir)) {
            final String empty = store.fingerprint();
            final ContentStore.Pending first = store.pending(bytes, "text/plain");
            final ContentStore.Pending second = store.pending(bytes, "text/plain");
            assertThat(store.get(first.sha256())).as("readable while pending").isPresent();
            first.discard();
            assertThat(store.contains(first.sha256()))
                    .as("another write still holds it")
                    .isTrue();
            second.discard();
            assertThat(store.contains(first.sha256())).isFalse();
            assertThat(store.get(first.sha256())).isEmpty();
            assertThat(store.fingerprint())
                    .as("a refusal leaves the store holding exactly what it held")
                    .isEqualTo(empty);

            kept = store.put("existing".getBytes(StandardCharsets.UTF_8), "text/plain");
            store.pending("existing".getBytes(StandardCharsets.UTF_8), "text/plain")
                    .discard();
            assertThat(store.contains(kept))
                    .as("an object that existed before is never discarded")
                    .isTrue();
            assertThat(store.fingerprint()).isNotEqualTo(empty);
        }
        try (ContentStore store = new ContentStore(dir)) {
            assertThat(store.contains(Digests.sha256Hex(bytes)))
                    .as("the removal is durable")
                    .isFalse();
            assertThat(store.contains(kept)).isTrue();
        }
    }

    @Test
    void credentials_stored_for_a_write_are_kept_unless_the_ledger_certainly_wrote_nothing() throws Exception {
        final SigningKey owner = SigningKey.generateEd25519DidKey();
        final List<SignedCredential> refused = List.of(credential(owner, "urn:uuid:refused"));
        final List<SignedCredential> unknown = List.of(credential(owner, "urn:uuid:unknown"));
        final List<SignedCredential> accepted = List.of(credential(owner, "urn:uuid:accepted"));
        final ContentStore store = new ContentStore(dir);

        assertThatThrownBy(() -> StoredCredentials.storedDuring(store, refused, () -> {
                    throw new TransactionRefused("DOUBLE_COUNTING", ErrorCategory.CONFLICT, "counted");
                }))
                .isInstanceOf(TransactionRefused.class);
        assertThatThrownBy(() -> StoredCredentials.storedDuring(store, unknown, () -> {
                    throw new OutcomeUnknown("no commit status in time", null);
                }))
                .isInstanceOf(OutcomeUnknown.class);
        StoredCredentials.storedDuring(store, accepted, () -> "ok");

        assertThat(store.contains(refused.get(0).sha256Hex()))
                .as("refused: nothing kept")
                .isFalse();
        assertThat(store.findById("urn:uuid:refused")).isEmpty();
        assertThat(store.contains(unknown.get(0).sha256Hex()))
                .as("it may have committed: the bytes stay for whoever reads the ledger")
                .isTrue();
        assertThat(store.findById("urn:uuid:unknown"))
                .as("not indexed before the ledger recorded it")
                .isEmpty();
        assertThat(store.contains(accepted.get(0).sha256Hex())).isTrue();
        assertThat(store.findById("urn:uuid:accepted")).contains(accepted.get(0).sha256Hex());
        store.close();
    }

    @Test
    void a_batch_is_written_concurrently_all_or_nothing_and_indexed_once_recorded() throws Exception {
        final ContentStore store = new ContentStore(dir);
        final SigningKey owner = SigningKey.generateEd25519DidKey();
        final List<SignedCredential> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(credential(owner, "urn:uuid:batch-" + i));
        }

        assertThatThrownBy(() -> StoredCredentials.storedDuring(store, batch, () -> {
                    throw new TransactionRefused("CLAIM_INELIGIBLE", ErrorCategory.UNPROCESSABLE, "claims[7]");
                }))
                .isInstanceOf(TransactionRefused.class);
        assertThat(batch)
                .as("a refused batch leaves the store as it was")
                .noneMatch(c -> store.contains(c.sha256Hex()));

        StoredCredentials.storedDuring(store, batch, () -> "ok");
        for (final SignedCredential c : batch) {
            assertThat(store.get(c.sha256Hex())).hasValueSatisfying(o -> {
                assertThat(o.bytes()).isEqualTo(c.bytes());
                assertThat(o.mediaType()).isEqualTo(SignedCredential.MEDIA_TYPE);
            });
            assertThat(store.findById(c.credential().id().orElseThrow())).contains(c.sha256Hex());
        }
        store.close();
        try (ContentStore reopened = new ContentStore(dir)) {
            assertThat(batch).as("durable").allMatch(c -> reopened.contains(c.sha256Hex()));
            assertThat(reopened.findById("urn:uuid:batch-7"))
                    .contains(batch.get(7).sha256Hex());
        }
    }

    private static SignedCredential credential(final SigningKey issuer, final String id) {
        final var subject = Json.object().put("id", "urn:x").put("name", "test");
        return VcJwt.sign(
                VerifiableCredential.builder()
                        .id(id)
                        .issuer(issuer.did())
                        .type("ImpactClaimCredential")
                        .validFrom(Instant.now())
                        .subject(subject)
                        .build(),
                issuer,
                Instant.now());
    }

    private List<Path> files() throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
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
