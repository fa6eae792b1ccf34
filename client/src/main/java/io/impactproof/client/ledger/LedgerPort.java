package io.impactproof.client.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one door to a ledger running the registry chaincode: the embedded ledger or a Fabric network.
 * Implementations are thread-safe and fail only with a {@link LedgerException}: {@link
 * TransactionRefused} (the chaincode refused; nothing was written), {@link TransactionConflict}
 * (nothing was written; retrying may succeed), {@link OutcomeUnknown} (it may have committed) or
 * {@link LedgerUnavailable}.
 */
public interface LedgerPort extends AutoCloseable {
    /**
     * Submits a transaction and waits for its commit; returns the chaincode's result. A transaction
     * whose write set is empty (a retry of a write already recorded) is not ordered: its result is
     * returned and nothing is appended to the ledger.
     */
    byte[] submit(String function, List<String> args, Map<String, byte[]> transientData);

    /** Runs a read-only query against committed state. */
    byte[] evaluate(String function, String... args);

    /**
     * Delivers, in ledger order and on a thread of the port's own, every chaincode event committed
     * after {@code after}, then each new one as it commits. A consumer that records the checkpoint of
     * each event it has handled and subscribes from it after a restart neither misses nor repeats
     * an event.
     */
    Subscription subscribe(Checkpoint after, Consumer<LedgerEvent> listener);

    /** Height, last block hash and sizes, as this node knows them. */
    LedgerInfo info();

    /** Recomputes the hash chain from the stored blocks, where this ledger lets its node do so. */
    default Optional<LedgerInfo.ChainCheck> verifyChain() {
        return Optional.empty();
    }

    @Override
    void close();
}
