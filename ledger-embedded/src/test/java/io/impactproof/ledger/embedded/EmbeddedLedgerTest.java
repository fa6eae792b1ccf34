package io.impactproof.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactproof.client.ledger.Checkpoint;
import io.impactproof.client.ledger.LedgerEvent;
import io.impactproof.client.ledger.LedgerUnavailable;
import io.impactproof.client.ledger.Subscription;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.ErrorCategory;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedLedgerTest {
    private static final String ORG = "Org1MSP";

    @TempDir
    Path dir;

    static void put(final EmbeddedLedger ledger, final String key) {
        ledger.submit(ORG, KeyValueContract.PUT, List.of(key, "value of " + key), Map.of());
    }

    static String get(final EmbeddedLedger ledger, final String key) {
        return new String(ledger.evaluate(ORG, KeyValueContract.GET, key), StandardCharsets.UTF_8);
    }

    private void fill(final int n) {
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            for (int i = 0; i < n; i++) {
                put(ledger, "k" + i);
            }
        }
    }

    @Test
    void blocks_chain_and_survive_reopening() {
        final String lastHash;
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            for (int i = 0; i < 6; i++) {
                put(ledger, "k" + i);
            }
            lastHash = ledger.lastHash();
            assertThat(ledger.verify()).satisfies(report -> {
                assertThat(report.valid()).isTrue();
                assertThat(report.blocks()).isEqualTo(6);
                assertThat(report.firstBroken()).isEqualTo(-1);
            });
        }
        try (EmbeddedLedger reopened = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            assertThat(reopened.height()).isEqualTo(6);
            assertThat(reopened.lastHash()).isEqualTo(lastHash);
            assertThat(reopened.stats().keys()).isEqualTo(6);
            assertThat(get(reopened, "k5")).isEqualTo("value of k5");
            assertThat(reopened.blocks()).hasSize(6).first().satisfies(b -> {
                assertThat(b.function()).isEqualTo(KeyValueContract.PUT);
                assertThat(b.eventName()).isEqualTo("Put");
            });
        }
    }

    @Test
    void an_empty_write_is_a_delete_as_on_a_fabric_peer() {
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            put(ledger, "a");
            put(ledger, "b");
            ledger.submit(ORG, KeyValueContract.BLANK, List.of("a"), Map.of());
            assertThat(get(ledger, "a")).isEmpty();
            assertThat(new String(ledger.evaluate(ORG, KeyValueContract.PAGE, "10", ""), StandardCharsets.UTF_8))
                    .startsWith("value of b|");
        }
    }

    @Test
    void a_tampered_block_is_reported_and_the_ledger_refuses_to_open() throws Exception {
        fill(6);
        final Path file = dir.resolve("blocks.log");
        final byte[] bytes = Files.readAllBytes(file);
        // Change one byte in the middle of block 3's body (the close wrote a snapshot of all six
        // blocks: the open recomputes the chain below it all the same).
        final long at = recordOffset(bytes, 3);
        final int length = ByteBuffer.wrap(bytes, (int) at, 4).getInt() & ~BlockCodec.PACKED;
        bytes[(int) at + 4 + length / 2] ^= 0x01;
        Files.write(file, bytes);

        assertThat(BlockLog.verify(file)).satisfies(report -> {
            assertThat(report.valid()).isFalse();
            assertThat(report.firstBroken()).isEqualTo(3);
        });
        assertThatThrownBy(() -> EmbeddedLedger.open(dir, Clock.systemUTC()))
                .isInstanceOf(LedgerCorruptException.class)
                .hasMessageContaining("block 3");
        Files.delete(dir.resolve(Snapshot.FILE));
        assertThatThrownBy(() -> EmbeddedLedger.open(dir, Clock.systemUTC()))
                .as("without a snapshot, the full replay refuses it too")
                .isInstanceOf(LedgerCorruptException.class)
                .hasMessageContaining("block 3");
        // The refusal left the folder unlocked: a fixed ledger opens.
        Files.write(file, Files.readAllBytes(file));
    }

    /** The byte offset of block {@code number}'s record: {@code length word ‖ body ‖ hash} records from 0. */
    static long recordOffset(final byte[] log, final long number) {
        long at = 0;
        for (long i = 0; i < number; i++) {
            at += 4 + (ByteBuffer.wrap(log, (int) at, 4).getInt() & ~BlockCodec.PACKED) + BlockLog.HASH_BYTES;
        }
        return at;
    }

    @Test
    void a_torn_last_block_is_cut_off_at_open_and_kept_beside_the_log() throws Exception {
        fill(4);
        final Path file = dir.resolve("blocks.log");
        final long size = Files.size(file);
        final byte[] torn = {0, 0, 1, 0, '{', '"'};
        try (var out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write(torn);
        }

        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            assertThat(ledger.height()).isEqualTo(4);
            assertThat(ledger.verify().valid()).isTrue();
        }
        assertThat(Files.size(file)).isEqualTo(size);
        try (var kept = Files.list(dir)) {
            final List<Path> cut = kept.filter(p -> p.getFileName().toString().startsWith("blocks.log.cut-"))
                    .toList();
            assertThat(cut).as("the cut bytes are kept, not silently dropped").hasSize(1);
            assertThat(Files.readAllBytes(cut.get(0))).isEqualTo(torn);
        }

        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size - 3);
        }
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            assertThat(ledger.height())
                    .as("the torn last block was never acknowledged")
                    .isEqualTo(3);
        }
    }

    @Test
    void a_refused_transaction_writes_nothing_and_carries_the_chaincode_code() {
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            put(ledger, "a");
            final long before = ledger.height();

            assertThatThrownBy(() -> ledger.submit(ORG, KeyValueContract.PUT, List.of("b", ""), Map.of()))
                    .isInstanceOfSatisfying(TransactionRefused.class, e -> {
                        assertThat(e.code()).isEqualTo("KV_EMPTY");
                        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID);
                        assertThat(e.detail()).isEqualTo("no value");
                    });
            assertThatThrownBy(() -> ledger.submit(ORG, "kv:Nope", List.of(), Map.of()))
                    .isInstanceOfSatisfying(
                            TransactionRefused.class,
                            e -> assertThat(e.code()).isEqualTo(TransactionRefused.CHAINCODE_ERROR));

            assertThat(ledger.height()).isEqualTo(before);
            assertThat(get(ledger, "b")).isEmpty();
        }
    }

    @Test
    void paged_queries_run_in_evaluations_only_and_their_bookmarks_walk_the_range() {
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            for (final String key : List.of("a", "b", "c", "d", "e")) {
                put(ledger, key);
            }
            final String first =
                    new String(ledger.evaluate(ORG, KeyValueContract.PAGE, "2", ""), StandardCharsets.UTF_8);
            final String bookmark = first.substring(first.indexOf('|') + 1);
            final String second =
                    new String(ledger.evaluate(ORG, KeyValueContract.PAGE, "2", bookmark), StandardCharsets.UTF_8);
            final String third = new String(
                    ledger.evaluate(ORG, KeyValueContract.PAGE, "2", second.substring(second.indexOf('|') + 1)),
                    StandardCharsets.UTF_8);

            assertThat(first).startsWith("value of a,value of b|");
            assertThat(second).startsWith("value of c,value of d|");
            assertThat(third).isEqualTo("value of e|");
            assertThat(new String(ledger.evaluate(ORG, KeyValueContract.PAGE, "5", ""), StandardCharsets.UTF_8))
                    .as("a page that takes the last entry has no bookmark")
                    .endsWith("value of e|");
            assertThat(new String(ledger.evaluate(ORG, KeyValueContract.PAGE, "4", ""), StandardCharsets.UTF_8))
                    .as("one short of the end: the next page starts at the last key")
                    .startsWith("value of a,value of b,value of c,value of d|")
                    .doesNotEndWith("|");
            assertThatThrownBy(() -> ledger.submit(ORG, "kv:PagedWrite", List.of(), Map.of()))
                    .isInstanceOf(TransactionRefused.class);
        }
    }

    @Test
    void a_subscription_from_a_checkpoint_neither_misses_nor_repeats_an_event() throws Exception {
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            for (int i = 0; i < 300; i++) {
                put(ledger, "k" + i);
            }
            final List<LedgerEvent> events = new CopyOnWriteArrayList<>();
            // Resume after block 259: blocks 260..299 are read back from the file, then live ones follow.
            final Subscription subscription = ledger.subscribe(new Checkpoint(259, 0), events::add);
            put(ledger, "live-1");
            put(ledger, "live-2");
            awaitSize(events, 42);
            subscription.close();
            put(ledger, "after-close");
            assertThat(events)
                    .extracting(LedgerEvent::block)
                    .containsExactlyElementsOf(
                            java.util.stream.LongStream.range(260, 302).boxed().toList());
            assertThat(new String(events.get(0).payload(), StandardCharsets.UTF_8))
                    .isEqualTo("k260");
            assertThat(new String(events.get(41).payload(), StandardCharsets.UTF_8))
                    .isEqualTo("live-2");
            assertThat(events.get(41).checkpoint()).isEqualTo(new Checkpoint(301, 0));
            assertThat(events).as("a closed subscription delivers nothing more").hasSize(42);
        }
    }

    @Test
    void one_process_at_a_time_opens_a_ledger_folder() throws Exception {
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            put(ledger, "a");
            assertThatThrownBy(() -> EmbeddedLedger.open(dir, Clock.systemUTC()))
                    .isInstanceOf(LedgerLockedException.class)
                    .hasMessageContaining("in use by this process");
        }
        final Process other = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWriter.class.getName(),
                        dir.resolve("process").toString())
                .redirectErrorStream(true)
                .start();
        try {
            final var reader = new java.io.BufferedReader(
                    new java.io.InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = reader.readLine();
            } while (line != null && !line.equals("READY"));
            assertThat(line).as("the other process opened the ledger").isEqualTo("READY");
            final Path shared = dir.resolve("process").resolve("ledger");
            assertThatThrownBy(() -> EmbeddedLedger.open(shared, Clock.systemUTC()))
                    .isInstanceOf(LedgerLockedException.class)
                    .hasMessageContaining("pid " + other.pid());
        } finally {
            other.destroyForcibly();
            other.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_closed_ledger_refuses_writes_as_unavailable() {
        final EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC());
        ledger.close();
        assertThatThrownBy(() -> put(ledger, "a")).isInstanceOf(LedgerUnavailable.class);
    }

    private static void awaitSize(final List<?> list, final int size) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /**
     * Execute–order–validate: a transaction whose read changed before its commit is not committed
     * (Fabric's MVCC read conflict); executed again through the port, it counts the other's write.
     */
    @Test
    void a_transaction_whose_read_changed_before_its_commit_fails_with_a_conflict() throws Exception {
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            final var first = held(() -> ledger.submit(ORG, "kv:Increment", List.of("n"), Map.of()));
            ledger.submit(ORG, "kv:Increment", List.of("n"), Map.of());
            final Throwable outcome = first.release();
            assertThat(outcome).isInstanceOf(io.impactproof.client.ledger.TransactionConflict.class);
            assertThat(get(ledger, "n")).isEqualTo("1");
            assertThat(ledger.height()).isEqualTo(1);

            final var port = EmbeddedLedgerPort.sharing(ledger, ORG);
            final var retried = held(() -> port.submit("kv:Increment", List.of("n"), Map.of()));
            ledger.submit(ORG, "kv:Increment", List.of("n"), Map.of());
            assertThat(retried.release()).isNull();
            assertThat(get(ledger, "n")).isEqualTo("3");
        }
    }

    /** A key created inside a range a transaction read is a phantom read: the same conflict. */
    @Test
    void a_key_appearing_in_a_range_read_is_a_phantom_conflict() throws Exception {
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            put(ledger, "a");
            final var counting = held(() -> ledger.submit(ORG, "kv:Count", List.of(), Map.of()));
            put(ledger, "b");
            assertThat(counting.release()).isInstanceOf(io.impactproof.client.ledger.TransactionConflict.class);
            assertThat(new String(
                            ledger.submit(ORG, "kv:Count", List.of(), Map.of()).payload(),
                            java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("2");
        }
    }

    /** Many clients at once: every increment counted once, every block chained, every event delivered. */
    @Test
    void concurrent_writers_lose_no_update_and_share_fsyncs() throws Exception {
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC())) {
            final var port = EmbeddedLedgerPort.sharing(ledger, ORG);
            final List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            final var subscription = ledger.subscribe(
                    new io.impactproof.client.ledger.Checkpoint(-1, Integer.MAX_VALUE), e -> events.add(e.name()));
            try {
                final var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
                final List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    final int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            port.submit("kv:Increment", List.of("shared"), Map.of());
                            port.submit("kv:Put", List.of("k-" + thread + "-" + i, "v"), Map.of());
                        }
                    }));
                }
                for (final var f : done) {
                    f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
                pool.shutdown();
                assertThat(get(ledger, "shared")).isEqualTo("200");
                assertThat(ledger.height()).isEqualTo(400);
                assertThat(ledger.verify().valid()).isTrue();
                final long deadline = System.nanoTime() + 10_000_000_000L;
                while (events.size() < 200 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(events).hasSize(200).containsOnly("Put");
            } finally {
                subscription.close();
            }
        }
    }

    /** A submission parked inside the chaincode after its reads, until {@link #release()}. */
    private interface Held {
        /** Lets it go on; returns what it threw, or null. */
        Throwable release() throws Exception;
    }

    private static Held held(final Runnable submission) throws InterruptedException {
        final var gate = new java.util.concurrent.CountDownLatch(1);
        final var reached = new java.util.concurrent.CountDownLatch(1);
        KeyValueContract.reached.set(reached);
        KeyValueContract.hold.set(gate);
        final java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
                new java.util.concurrent.atomic.AtomicReference<>();
        final Thread thread = new Thread(() -> {
            try {
                submission.run();
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        thread.start();
        assertThat(reached.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return () -> {
            gate.countDown();
            thread.join(10_000);
            return thrown.get();
        };
    }
}
