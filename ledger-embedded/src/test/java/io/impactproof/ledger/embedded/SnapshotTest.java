package io.impactproof.ledger.embedded;

import static io.impactproof.ledger.embedded.EmbeddedLedgerTest.get;
import static io.impactproof.ledger.embedded.EmbeddedLedgerTest.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.model.LedgerJson;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The world-state snapshot a start loads instead of replaying every block, and the packed block format. */
class SnapshotTest {
    private static final String ORG = "Org1MSP";

    @TempDir
    Path dir;

    private static String kv(final String key) {
        return "\u0000kv\u0000" + key + "\u0000";
    }

    private void fill(final int from, final int to) {
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            for (int i = from; i < to; i++) {
                put(ledger, "k" + i);
            }
        }
    }

    private Snapshot.Loaded snapshot() {
        return Snapshot.read(dir, dir.resolve("blocks.log"));
    }

    @Test
    void a_close_writes_a_snapshot_and_a_start_replays_only_the_blocks_after_it() throws Exception {
        fill(0, 6);
        assertThat(snapshot().position().height()).isEqualTo(6);
        final Path six = dir.resolve("six.snapshot");
        Files.copy(dir.resolve(Snapshot.FILE), six);
        fill(6, 10);
        assertThat(snapshot().position().height()).isEqualTo(10);

        // As after a crash: the last snapshot is older than the log.
        Files.copy(six, dir.resolve(Snapshot.FILE), StandardCopyOption.REPLACE_EXISTING);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            assertThat(ledger.height()).isEqualTo(10);
            assertThat(get(ledger, "k2")).isEqualTo("value of k2");
            assertThat(get(ledger, "k9")).isEqualTo("value of k9");
            assertThat(ledger.stats().keys()).isEqualTo(10);
            assertThat(ledger.verify().valid()).isTrue();
            assertThat(ledger.verify().detail()).contains("10 keys").contains("first 10 blocks");
            put(ledger, "k10");
        }
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            assertThat(ledger.height()).isEqualTo(11);
            assertThat(get(ledger, "k10")).isEqualTo("value of k10");
        }
    }

    @Test
    void the_state_comes_from_the_snapshot_and_verify_re_derives_it_from_the_blocks() throws Exception {
        fill(0, 4);
        final Snapshot.Loaded loaded = snapshot();
        final TreeMap<String, byte[]> forged = new TreeMap<>(loaded.entries());
        forged.put(kv("k1"), "forged".getBytes(StandardCharsets.UTF_8));
        Snapshot.write(dir, loaded.position(), forged);

        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            assertThat(get(ledger, "k1"))
                    .as("the start took the snapshot's state")
                    .isEqualTo("forged");
            assertThat(ledger.verify()).satisfies(report -> {
                assertThat(report.valid()).isFalse();
                assertThat(report.firstBroken()).isEqualTo(-1);
                assertThat(report.detail()).contains("/kv/k1/ has another value");
            });
        }
    }

    @Test
    void a_damaged_snapshot_or_one_the_log_does_not_hold_is_ignored_and_every_block_replayed() throws Exception {
        fill(0, 5);
        final Path file = dir.resolve(Snapshot.FILE);
        final byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5] ^= 0x10;
        Files.write(file, bytes);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            assertThat(ledger.height()).isEqualTo(5);
            assertThat(get(ledger, "k4")).isEqualTo("value of k4");
            assertThat(ledger.verify().valid()).isTrue();
        }

        // The close wrote a good snapshot of 5 blocks; a log cut back to 3 does not hold its last.
        assertThat(snapshot().position().height()).isEqualTo(5);
        final Path log = dir.resolve("blocks.log");
        final long three = EmbeddedLedgerTest.recordOffset(Files.readAllBytes(log), 3);
        try (RandomAccessFile raf = new RandomAccessFile(log.toFile(), "rw")) {
            raf.setLength(three);
        }
        assertThat(snapshot()).isNull();
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            assertThat(ledger.height()).isEqualTo(3);
            assertThat(get(ledger, "k2")).isEqualTo("value of k2");
            assertThat(get(ledger, "k4")).isEmpty();
            assertThat(ledger.verify().valid()).isTrue();
        }
    }

    @Test
    void a_growing_log_is_snapshotted_while_the_ledger_runs() throws Exception {
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC(), 1)) {
            for (int i = 0; i < 40; i++) {
                put(ledger, "k" + i);
            }
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (snapshot() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            final Snapshot.Loaded running = snapshot();
            assertThat(running)
                    .as("a snapshot written while the ledger is open")
                    .isNotNull();
            final long height = running.position().height();
            assertThat(height).isBetween(1L, 40L);
            assertThat(running.entries()).hasSize((int) height);
            assertThat(running.entries()).containsKey(kv("k" + (height - 1)));
        }
    }

    @Test
    void a_log_of_json_blocks_written_before_packing_opens_and_grows_packed() throws Exception {
        // Two blocks as the ledger wrote them before: block JSON with base64 values, no flag.
        Files.createDirectories(dir);
        final ByteArrayOutputStream legacy = new ByteArrayOutputStream();
        byte[] previous = new byte[BlockLog.HASH_BYTES];
        for (int i = 0; i < 2; i++) {
            final Map<String, byte[]> writes = new LinkedHashMap<>();
            writes.put(kv("old" + i), ("old value " + i).getBytes(StandardCharsets.UTF_8));
            final byte[] body = BlockCodec.json(new Block(
                    i,
                    "tx" + i,
                    "2026-11-01T00:00:0" + i + "Z",
                    ORG,
                    KeyValueContract.PUT,
                    writes,
                    "Put",
                    ("old" + i).getBytes(StandardCharsets.UTF_8)));
            assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("{\"number\":" + i + ",");
            previous = BlockLog.hash(previous, body);
            legacy.write(ByteBuffer.allocate(4).putInt(body.length).array());
            legacy.write(body);
            legacy.write(previous);
        }
        Files.write(dir.resolve("blocks.log"), legacy.toByteArray());

        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            assertThat(ledger.height()).isEqualTo(2);
            assertThat(get(ledger, "old1")).isEqualTo("old value 1");
            put(ledger, "new");
        }
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            assertThat(ledger.verify().valid()).isTrue();
            assertThat(ledger.blocks())
                    .extracting(Committed::eventPayload)
                    .map(p -> new String(p, StandardCharsets.UTF_8))
                    .containsExactly("old0", "old1", "new");
            final ByteArrayOutputStream export = new ByteArrayOutputStream();
            ledger.exportBlocks(export);
            final List<String> lines =
                    export.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).hasSize(3);
            assertThat(LedgerJson.read(lines.get(2).getBytes(StandardCharsets.UTF_8), BlockCodec.JsonBlock.class)
                            .block()
                            .writes())
                    .containsOnlyKeys(kv("new"));
        }
        final byte[] log = Files.readAllBytes(dir.resolve("blocks.log"));
        final int newWord = ByteBuffer.wrap(log, (int) EmbeddedLedgerTest.recordOffset(log, 2), 4)
                .getInt();
        assertThat(newWord & BlockCodec.PACKED).as("the new block is packed").isNotZero();
        assertThat(new String(log, StandardCharsets.ISO_8859_1)).doesNotContain("value of new");
    }
}
