package io.impactproof.ledger.embedded;

import io.impactproof.client.ledger.Checkpoint;
import io.impactproof.client.ledger.LedgerEvent;
import io.impactproof.client.ledger.LedgerInfo;
import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.client.ledger.Subscription;
import io.impactproof.client.ledger.TransactionConflict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The embedded ledger behind the port, submitting as one organisation (MSP id). Several ports, one
 * per organisation, may share a ledger; closing a port does not close the ledger unless it owns it.
 * Thread-safe.
 */
public final class EmbeddedLedgerPort implements LedgerPort {
    private final EmbeddedLedger ledger;
    private final String mspId;
    private final boolean owner;

    private EmbeddedLedgerPort(final EmbeddedLedger ledger, final String mspId, final boolean owner) {
        this.ledger = ledger;
        this.mspId = mspId;
        this.owner = owner;
    }

    /** A port that closes the ledger when it is closed. */
    public static EmbeddedLedgerPort owning(final EmbeddedLedger ledger, final String mspId) {
        return new EmbeddedLedgerPort(ledger, mspId, true);
    }

    /** A port for another organisation on a ledger someone else closes. */
    public static EmbeddedLedgerPort sharing(final EmbeddedLedger ledger, final String mspId) {
        return new EmbeddedLedgerPort(ledger, mspId, false);
    }

    /** A port for another organisation on the same ledger (several sub-networks on one machine). */
    public EmbeddedLedgerPort forOrganisation(final String otherMspId) {
        return sharing(ledger, otherMspId);
    }

    @Override
    public byte[] submit(final String function, final List<String> args, final Map<String, byte[]> transientData) {
        for (int attempt = 0; ; attempt++) {
            try {
                return ledger.submit(mspId, function, args, transientData).payload();
            } catch (TransactionConflict e) {
                // As the Fabric port: every registry transaction may be executed again, on the new state.
                if (attempt >= CONFLICT_RETRIES) {
                    throw new TransactionConflict(
                            e.getMessage() + " (" + (attempt + 1) + " attempts; what it read keeps changing)");
                }
                // Contenders for one key spread out (random, growing pauses) instead of colliding again.
                backOff(attempt);
            }
        }
    }

    private static void backOff(final int attempt) {
        final long bound = 200_000L << Math.min(attempt, 5);
        java.util.concurrent.locks.LockSupport.parkNanos(
                java.util.concurrent.ThreadLocalRandom.current().nextLong(50_000L, bound));
    }

    /** How many times a transaction whose reads changed before its commit is executed again. */
    static final int CONFLICT_RETRIES = 20;

    @Override
    public byte[] evaluate(final String function, final String... args) {
        return ledger.evaluate(mspId, function, args);
    }

    @Override
    public Subscription subscribe(final Checkpoint after, final Consumer<LedgerEvent> listener) {
        return ledger.subscribe(after, listener);
    }

    @Override
    public LedgerInfo info() {
        final EmbeddedLedger.Stats stats = ledger.stats();
        return new LedgerInfo(
                "embedded",
                stats.blocks(),
                ledger.lastHash(),
                Map.of(
                        "keys",
                        (long) stats.keys(),
                        "stateBytes",
                        stats.stateBytes(),
                        "blockFileBytes",
                        stats.logBytes()));
    }

    @Override
    public Optional<LedgerInfo.ChainCheck> verifyChain() {
        return Optional.of(ledger.verify());
    }

    @Override
    public void close() {
        if (owner) {
            ledger.close();
        }
    }
}
