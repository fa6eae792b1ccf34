package io.impactproof.ledger;

import io.impactproof.credentials.digest.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
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
 * last block (never acknowledged) is cut off. Transactions commit one at a time; batch claims and
 * attestations for throughput.
 *
 * <pre>{@code
 * try (EmbeddedLedger ledger = EmbeddedLedger.open(Path.of("data/ledger"), Clock.systemUTC())) {
 *     Committed tx = ledger.submit("Org1MSP", "claims:Submit", List.of(), Map.of("claims", batch));
 * }
 * }</pre>
 */
public final class EmbeddedLedger implements AutoCloseable {
    public static final String CHANNEL = "impactproof";
    private static final Logger LOG = Logger.getLogger(EmbeddedLedger.class.getName());

    private final Path file;
    private final Clock clock;
    private final WorldState state = new WorldState();
    private final BlockLog log;
    private final ContractRouter router = Router.instance();
    private final SecureRandom random = new SecureRandom();
    private final List<Consumer<Committed>> listeners = new CopyOnWriteArrayList<>();
    private boolean failed;

    private EmbeddedLedger(final Path file, final Clock clock) throws IOException {
        this.file = file;
        this.clock = clock;
        this.log = BlockLog.open(file, block -> state.apply(block.decodedWrites()));
    }

    /** Opens (or creates) the ledger in {@code directory}, replaying its blocks. */
    public static EmbeddedLedger open(final Path directory, final Clock clock) {
        try {
            return new EmbeddedLedger(BlockLog.fileIn(directory), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Executes and commits a transaction.
     *
     * @param function {@code contract:Transaction}, e.g. {@code claims:Submit}
     * @throws TransactionRefused when the chaincode refuses it (nothing is written)
     */
    public synchronized Committed submit(
            final String mspId,
            final String function,
            final List<String> args,
            final Map<String, byte[]> transientData) {
        if (failed) {
            throw new IllegalStateException("the ledger could not write its last block; reopen it");
        }
        final Instant timestamp = clock.instant();
        final String txId = newTxId(mspId, timestamp);
        final EmbeddedStub stub = run(mspId, function, args, transientData, txId, timestamp);
        final Chaincode.Response response = router.invoke(stub);
        if (response.getStatusCode() >= 400) {
            throw new TransactionRefused(response.getMessage(), response.getPayload());
        }
        final var event = stub.getEvent();
        final Block block = new Block(
                log.height(),
                txId,
                timestamp.toString(),
                mspId,
                function,
                Block.encode(stub.writes()),
                event == null ? null : event.getEventName(),
                event == null
                        ? null
                        : java.util.Base64.getEncoder()
                                .encodeToString(event.getPayload().toByteArray()));
        try {
            log.append(block);
        } catch (IOException e) {
            failed = true;
            throw new UncheckedIOException("the block could not be written; the transaction is not committed", e);
        }
        state.apply(stub.writes());
        final Committed committed = new Committed(
                block.number(),
                txId,
                block.timestamp(),
                function,
                response.getPayload(),
                block.eventName(),
                event == null ? null : event.getPayload().toByteArray());
        notifyListeners(committed);
        return committed;
    }

    /** Executes a read-only query against the committed state; its writes, if any, are discarded. */
    public byte[] evaluate(final String mspId, final String function, final String... args) {
        final Instant timestamp = clock.instant();
        final EmbeddedStub stub = run(mspId, function, List.of(args), Map.of(), newTxId(mspId, timestamp), timestamp);
        final Chaincode.Response response = router.invoke(stub);
        if (response.getStatusCode() >= 400) {
            throw new TransactionRefused(response.getMessage(), response.getPayload());
        }
        return response.getPayload();
    }

    public String evaluateString(final String mspId, final String function, final String... args) {
        return new String(evaluate(mspId, function, args), StandardCharsets.UTF_8);
    }

    /** Called after every commit, on the committing thread, in block order. */
    public void onCommit(final Consumer<Committed> listener) {
        listeners.add(listener);
    }

    /** Recomputes the hash chain of the block file as it is on disk. */
    public ChainReport verify() {
        return BlockLog.verify(file);
    }

    public synchronized long height() {
        return log.height();
    }

    public synchronized String lastHash() {
        return log.lastHash();
    }

    /** Counts for metrics and docs: blocks, keys, state bytes, block file bytes. */
    public synchronized Stats stats() {
        try {
            return new Stats(log.height(), state.size(), state.bytes(), log.sizeBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ledger size figures. This record is immutable. */
    public record Stats(long blocks, int keys, long stateBytes, long logBytes) {}

    /** Every committed block in order (for audits and tests). */
    public List<Committed> blocks() {
        try {
            final List<Committed> out = new ArrayList<>();
            for (final Block block : BlockLog.readAll(file)) {
                out.add(new Committed(
                        block.number(),
                        block.txId(),
                        block.timestamp(),
                        block.function(),
                        new byte[0],
                        block.eventName(),
                        block.eventPayload() == null
                                ? null
                                : java.util.Base64.getDecoder().decode(block.eventPayload())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            log.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EmbeddedStub run(
            final String mspId,
            final String function,
            final List<String> args,
            final Map<String, byte[]> transientData,
            final String txId,
            final Instant timestamp) {
        final List<String> all = new ArrayList<>(args.size() + 1);
        all.add(function);
        all.addAll(args);
        return new EmbeddedStub(state, txId, timestamp, Identities.serialized(mspId), mspId, all, transientData);
    }

    private String newTxId(final String mspId, final Instant timestamp) {
        final byte[] nonce = new byte[24];
        random.nextBytes(nonce);
        return Digests.sha256Hex(
                (HexFormat.of().formatHex(nonce) + mspId + timestamp).getBytes(StandardCharsets.UTF_8));
    }

    private void notifyListeners(final Committed committed) {
        for (final Consumer<Committed> listener : listeners) {
            try {
                listener.accept(committed);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a commit listener failed on block " + committed.block(), e);
            }
        }
    }
}
