package io.impactproof.ledger.embedded;

import io.impactproof.client.ledger.Checkpoint;
import io.impactproof.client.ledger.LedgerEvent;
import io.impactproof.client.ledger.LedgerInfo;
import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.client.ledger.Subscription;
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
        return ledger.submit(mspId, function, args, transientData).payload();
    }

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
