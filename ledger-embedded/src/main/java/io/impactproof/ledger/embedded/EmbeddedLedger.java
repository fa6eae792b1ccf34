package io.impactproof.ledger.embedded;

import io.impactproof.client.ledger.Checkpoint;
import io.impactproof.client.ledger.LedgerEvent;
import io.impactproof.client.ledger.LedgerInfo.ChainCheck;
import io.impactproof.client.ledger.LedgerUnavailable;
import io.impactproof.client.ledger.OutcomeUnknown;
import io.impactproof.client.ledger.Subscription;
import io.impactproof.client.ledger.TransactionConflict;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.model.KeyOrder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode;

/**
 * The registry's chaincode running in-process on a durable, hash-chained local ledger: one machine,
 * no setup. This class is thread-safe.
 *
 * <p>The contracts are the same classes a Fabric peer runs, dispatched by the same
 * {@link ContractRouter}. A submitted transaction executes against the committed state; if the
 * chaincode accepts it, its write set becomes a block, which is forced to disk before the state is
 * updated and the call returns. A crash at any instant therefore loses no acknowledged transaction
 * and leaves no partial one: at restart the state is rebuilt by replaying the blocks, and a torn
 * last block (never acknowledged) is cut off. One process at a time: the folder is locked while
 * the ledger is open. A transaction that writes nothing — a retry of a write already recorded — is
 * not ordered: its result is returned and no block is appended, so a replayed request cannot grow
 * the ledger.
 *
 * <pre>{@code
 * try (EmbeddedLedger ledger = EmbeddedLedger.open(Path.of("data/ledger"), Clock.systemUTC())) {
 *     Committed tx = ledger.submit("Org1MSP", "claims:Submit", List.of(), Map.of("claims", batch));
 * }
 * }</pre>
 */
public final class EmbeddedLedger implements AutoCloseable {
    public static final String CHANNEL = "impactproof";

    private final Path file;
    private final Clock clock;
    private final FolderLock lock;
    private final WorldState state = new WorldState();
    private final BlockLog log;
    private final ContractRouter router = Router.instance();
    private final SecureRandom random = new SecureRandom();
    private final List<EventFeed> feeds = new CopyOnWriteArrayList<>();
    private final Committer<Pending> committer = new Committer<>("impactproof-ledger-commit", this::commit);
    private final Path directory;
    private final long snapshotEvery;
    private final ExecutorService snapshots = Executors.newSingleThreadExecutor(runnable -> {
        final Thread thread = new Thread(runnable, "impactproof-ledger-snapshot");
        thread.setDaemon(true);
        return thread;
    });
    private long snapshotAt;
    private boolean snapshotting;
    private boolean failed;
    private boolean closed;

    private static final Logger LOG = Logger.getLogger(EmbeddedLedger.class.getName());
    /** A snapshot is written once the log has grown by the state's size since the last, and at least this much. */
    static final long SNAPSHOT_EVERY_BYTES = 64L * 1024 * 1024;

    private EmbeddedLedger(final Path directory, final Clock clock, final long snapshotEvery) throws IOException {
        this.lock = FolderLock.acquire(directory);
        try {
            this.directory = directory;
            this.file = BlockLog.fileIn(directory);
            this.clock = clock;
            this.snapshotEvery = snapshotEvery;
            final Snapshot.Loaded snapshot = Snapshot.read(directory, file);
            if (snapshot != null) {
                state.load(snapshot.entries());
                snapshotAt = snapshot.position().bytes();
            }
            this.log = BlockLog.open(
                    file, snapshot == null ? null : snapshot.position(), block -> state.apply(block.writes()));
        } catch (IOException | RuntimeException e) {
            snapshots.shutdown();
            lock.close();
            throw e;
        }
        synchronized (this) {
            maybeSnapshot();
        }
    }

    /**
     * Opens (or creates) the ledger in {@code directory}: its state from the last snapshot, then the
     * blocks after it replayed (every block when there is no usable snapshot).
     *
     * @throws LedgerLockedException when another process (or another ledger in this one) has it open
     */
    public static EmbeddedLedger open(final Path directory, final Clock clock) {
        return open(directory, clock, SNAPSHOT_EVERY_BYTES);
    }

    static EmbeddedLedger open(final Path directory, final Clock clock, final long snapshotEvery) {
        try {
            return new EmbeddedLedger(directory, clock, snapshotEvery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Hands a copy of the state to the snapshot thread when the log has grown since the last
     * snapshot by at least the state's size (so the replay a start still does stays within that,
     * and writing snapshots costs at most about what appending did) and by {@link #snapshotEvery}.
     * Called with this ledger's lock held, between groups: the copy and the position agree.
     */
    private void maybeSnapshot() {
        final long grown = log.sizeBytes() - snapshotAt;
        if (snapshotting || closed || failed || grown < Math.max(snapshotEvery, state.bytes())) {
            return;
        }
        snapshotting = true;
        final BlockLog.Position position = log.position();
        final Map<String, byte[]> copy = state.copy();
        snapshotAt = position.bytes();
        snapshots.execute(() -> {
            try {
                Snapshot.write(directory, position, copy);
            } catch (IOException | RuntimeException e) {
                LOG.warning(() -> "could not write the state snapshot at block " + position.height() + ": " + e
                        + "; the next start replays more blocks");
            } finally {
                synchronized (this) {
                    snapshotting = false;
                }
            }
        });
    }

    /**
     * Executes and commits a transaction, as Fabric does: executed (simulated) on the caller's thread
     * against the committed state, with no lock — so transactions, and the signature checks in them,
     * run in parallel on every core — then ordered by the committer, which commits it only if what it
     * read is unchanged, in one block forced to disk with the others waiting (group commit).
     *
     * @param function {@code contract:Transaction}, e.g. {@code claims:Submit}
     * @throws TransactionRefused when the chaincode refuses it (nothing is written)
     * @throws TransactionConflict when what it read changed before its turn (nothing is written; it
     *     may be submitted again, which {@link EmbeddedLedgerPort} does)
     * @throws OutcomeUnknown when the block could not be forced to disk (it may be there after a restart)
     * @throws LedgerUnavailable after such a failure, until the ledger is reopened
     */
    public Committed submit(
            final String mspId,
            final String function,
            final List<String> args,
            final Map<String, byte[]> transientData) {
        requireOpen();
        final Instant timestamp = clock.instant();
        final String txId = newTxId(mspId, timestamp);
        final EmbeddedStub stub = stub(mspId, function, args, transientData, txId, timestamp, false);
        final Chaincode.Response response = router.invoke(stub);
        if (response.getStatusCode() >= 400) {
            // A refusal counts only if what it saw is the committed state (a commit may have happened
            // while it ran, giving it part of the old state and part of the new).
            synchronized (this) {
                if (!stub.reads().stillValid(state, NOTHING_ORDERED)) {
                    throw conflict(function);
                }
            }
            throw TransactionRefused.fromPayload(response.getMessage(), response.getPayload());
        }
        if (stub.writes().isEmpty()) {
            // Nothing to commit (a retry of a write already recorded): not ordered, nothing appended.
            return new Committed(
                    -1, txId, timestamp.toString(), function, response.getPayload(), null, null, List.of());
        }
        final var event = stub.getEvent();
        // Numbered when ordered; packed here, on the caller's thread, so the committer only prefixes the number.
        final Block block = new Block(
                -1,
                txId,
                timestamp.toString(),
                mspId,
                function,
                stub.writes(),
                event == null ? null : event.getEventName(),
                event == null ? null : event.getPayload().toByteArray());
        final Pending pending = new Pending(stub, response, block, BlockCodec.pack(block), new CompletableFuture<>());
        if (!committer.order(pending)) {
            throw new LedgerUnavailable("the ledger is closed", null);
        }
        try {
            return pending.outcome().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static final java.util.NavigableMap<String, byte[]> NOTHING_ORDERED =
            java.util.Collections.emptyNavigableMap();

    private static TransactionConflict conflict(final String function) {
        return new TransactionConflict(function + ": what it read was changed by a transaction committed first");
    }

    private synchronized void requireOpen() {
        if (failed || closed) {
            throw new LedgerUnavailable(
                    closed ? "the ledger is closed" : "the ledger could not write its last block; reopen it", null);
        }
    }

    /** A simulated transaction waiting for its turn: its block, not numbered yet, and that block packed. */
    private record Pending(
            EmbeddedStub stub,
            Chaincode.Response response,
            Block block,
            byte[] packed,
            CompletableFuture<Committed> outcome) {}

    /**
     * Validates and commits a group of transactions in order: each whose reads are unchanged — by the
     * committed state and by the ones before it in the group — becomes the next block; the group's
     * blocks are forced to disk together, then applied to the state, their events published and
     * their callers answered. Runs on the committer thread only.
     */
    private void commit(final List<Pending> group) {
        try {
            commitGroup(group);
        } catch (RuntimeException e) {
            // Unexpected: no outcome is guessed. The ledger stops taking writes; a reopen replays the log.
            synchronized (this) {
                failed = true;
            }
            final OutcomeUnknown unknown = new OutcomeUnknown("the commit of a group of transactions failed", e);
            group.forEach(p -> p.outcome().completeExceptionally(unknown));
            throw e;
        }
    }

    private void commitGroup(final List<Pending> group) {
        final List<BlockLog.Entry> blocks = new ArrayList<>(group.size());
        final List<Pending> accepted = new ArrayList<>(group.size());
        final java.util.NavigableMap<String, byte[]> ordered =
                new java.util.TreeMap<>(io.impactproof.model.KeyOrder.COMPARATOR);
        synchronized (this) {
            if (failed || closed) {
                group.forEach(p -> p.outcome()
                        .completeExceptionally(new LedgerUnavailable(
                                closed ? "the ledger is closed" : "the ledger could not write its last block", null)));
                return;
            }
            for (final Pending p : group) {
                if (!p.stub().reads().stillValid(state, ordered)) {
                    p.outcome().completeExceptionally(conflict(p.block().function()));
                    continue;
                }
                ordered.putAll(p.stub().writes());
                blocks.add(new BlockLog.Entry(log.height() + blocks.size(), p.packed()));
                accepted.add(p);
            }
            if (blocks.isEmpty()) {
                return;
            }
            try {
                log.appendAll(blocks);
            } catch (IOException e) {
                failed = true;
                final OutcomeUnknown unknown = new OutcomeUnknown(
                        "the block could not be forced to disk; it may be committed after a restart", e);
                accepted.forEach(p -> p.outcome().completeExceptionally(unknown));
                return;
            }
            for (int i = 0; i < blocks.size(); i++) {
                final long number = blocks.get(i).number();
                final Pending p = accepted.get(i);
                state.apply(p.stub().writes());
                final Block block = p.block();
                final Committed committed = new Committed(
                        number,
                        block.txId(),
                        block.timestamp(),
                        block.function(),
                        p.response().getPayload(),
                        block.eventName(),
                        block.eventPayload(),
                        List.copyOf(block.writes().keySet()));
                if (committed.eventName() != null) {
                    final LedgerEvent ledgerEvent = new LedgerEvent(
                            number, 0, committed.txId(), committed.eventName(), committed.eventPayload());
                    feeds.forEach(feed -> feed.live(ledgerEvent));
                }
                p.outcome().complete(committed);
            }
            maybeSnapshot();
        }
    }

    /** Executes a read-only query against the committed state; its writes, if any, are discarded. */
    public byte[] evaluate(final String mspId, final String function, final String... args) {
        final Instant timestamp = clock.instant();
        final EmbeddedStub stub =
                stub(mspId, function, List.of(args), Map.of(), newTxId(mspId, timestamp), timestamp, true);
        final Chaincode.Response response = router.invoke(stub);
        if (response.getStatusCode() >= 400) {
            throw TransactionRefused.fromPayload(response.getMessage(), response.getPayload());
        }
        return response.getPayload();
    }

    /**
     * Delivers every event committed after {@code after}, then each new one, on a thread of its own;
     * see {@link io.impactproof.client.ledger.LedgerPort#subscribe}.
     */
    public Subscription subscribe(final Checkpoint after, final Consumer<LedgerEvent> listener) {
        final EventFeed feed;
        synchronized (this) {
            // Events from here on are queued live; the ones before are read back from the file.
            feed = new EventFeed(listener, after, log.height(), this::replay, feeds::remove);
            feeds.add(feed);
        }
        feed.start();
        return feed;
    }

    private void replay(final long from, final long to, final Consumer<LedgerEvent> sink) {
        try {
            log.read(from, to, block -> {
                if (block.eventName() != null) {
                    sink.accept(new LedgerEvent(
                            block.number(),
                            0,
                            block.txId(),
                            block.eventName(),
                            block.eventPayload() == null ? new byte[0] : block.eventPayload()));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Recomputes the hash chain of the block file as it is on disk and, in the same pass, re-derives
     * the world state from the blocks, compared with the state in use (which a start may have taken
     * from a snapshot): an audit, costing a second copy of the state while it runs.
     */
    public ChainCheck verify() {
        final long height;
        final TreeMap<String, byte[]> live;
        synchronized (this) {
            height = log.height();
            live = state.copy();
        }
        final TreeMap<String, byte[]> derived = new TreeMap<>(KeyOrder.COMPARATOR);
        final ChainCheck chain = BlockLog.verify(file, block -> {
            if (block.number() < height) {
                block.writes().forEach((key, value) -> {
                    if (value == null) {
                        derived.remove(key);
                    } else {
                        derived.put(key, value);
                    }
                });
            }
        });
        if (!chain.valid()) {
            return chain;
        }
        final String difference = firstDifference(live, derived);
        if (difference != null) {
            return new ChainCheck(
                    false,
                    chain.blocks(),
                    -1,
                    chain.detail() + "; but the world state in use is not the one its first " + height
                            + " blocks give: " + difference);
        }
        return new ChainCheck(
                true,
                chain.blocks(),
                -1,
                chain.detail() + "; the world state in use (" + live.size() + " keys) is the one its first " + height
                        + " blocks give");
    }

    private static String firstDifference(final TreeMap<String, byte[]> live, final TreeMap<String, byte[]> derived) {
        final var a = live.entrySet().iterator();
        final var b = derived.entrySet().iterator();
        while (a.hasNext() && b.hasNext()) {
            final var x = a.next();
            final var y = b.next();
            if (!x.getKey().equals(y.getKey())) {
                final boolean extra = KeyOrder.COMPARATOR.compare(x.getKey(), y.getKey()) < 0;
                return extra
                        ? "key " + printable(x.getKey()) + " is in the state, not in the blocks"
                        : "key " + printable(y.getKey()) + " is in the blocks, not in the state";
            }
            if (!Arrays.equals(x.getValue(), y.getValue())) {
                return "key " + printable(x.getKey()) + " has another value";
            }
        }
        if (a.hasNext()) {
            return "key " + printable(a.next().getKey()) + " is in the state, not in the blocks";
        }
        if (b.hasNext()) {
            return "key " + printable(b.next().getKey()) + " is in the blocks, not in the state";
        }
        return null;
    }

    private static String printable(final String key) {
        return key.replace('\u0000', '/');
    }

    /**
     * Writes every committed block as JSON, one per line (values and event payloads in base64), for
     * audits and third-party tools that do not read the packed log.
     */
    public void exportBlocks(final OutputStream out) throws IOException {
        try {
            replayBlocks(height(), block -> {
                try {
                    out.write(BlockCodec.json(block));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    public synchronized long height() {
        return log.height();
    }

    public synchronized String lastHash() {
        return log.lastHash();
    }

    /** Counts for metrics and docs: blocks, keys, state bytes, block file bytes. */
    public synchronized Stats stats() {
        return new Stats(log.height(), state.size(), state.bytes(), log.sizeBytes());
    }

    /** Ledger size figures. This record is immutable. */
    public record Stats(long blocks, int keys, long stateBytes, long logBytes) {}

    /** Every committed block in order (for audits and tests). */
    public List<Committed> blocks() {
        final List<Committed> out = new ArrayList<>();
        replayBlocks(
                height(),
                block -> out.add(new Committed(
                        block.number(),
                        block.txId(),
                        block.timestamp(),
                        block.function(),
                        new byte[0],
                        block.eventName(),
                        block.eventPayload(),
                        List.copyOf(block.writes().keySet()))));
        return out;
    }

    private void replayBlocks(final long to, final Consumer<Block> consumer) {
        try {
            log.read(0, to, consumer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        committer.close();
        feeds.forEach(EventFeed::close);
        try {
            finalSnapshot();
            log.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.close();
        }
    }

    /** At close, once nothing commits: the snapshot in progress finished, then one of the final state. */
    private void finalSnapshot() {
        snapshots.shutdown();
        try {
            if (!snapshots.awaitTermination(10, TimeUnit.MINUTES)) {
                LOG.warning("the state snapshot in progress did not finish in 10 minutes");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        final BlockLog.Position position;
        synchronized (this) {
            if (failed || log.sizeBytes() == snapshotAt) {
                return;
            }
            position = log.position();
        }
        try {
            Snapshot.write(directory, position, state.copy());
        } catch (IOException | RuntimeException e) {
            LOG.warning(
                    () -> "could not write the state snapshot at close: " + e + "; the next start replays more blocks");
        }
    }

    private EmbeddedStub stub(
            final String mspId,
            final String function,
            final List<String> args,
            final Map<String, byte[]> transientData,
            final String txId,
            final Instant timestamp,
            final boolean readOnly) {
        final List<String> all = new ArrayList<>(args.size() + 1);
        all.add(function);
        all.addAll(args);
        return new EmbeddedStub(
                state, txId, timestamp, Identities.serialized(mspId), mspId, all, transientData, readOnly);
    }

    private String newTxId(final String mspId, final Instant timestamp) {
        final byte[] nonce = new byte[24];
        random.nextBytes(nonce);
        return Digests.sha256Hex(
                (HexFormat.of().formatHex(nonce) + mspId + timestamp).getBytes(StandardCharsets.UTF_8));
    }
}
