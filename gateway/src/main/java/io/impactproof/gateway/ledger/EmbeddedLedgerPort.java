package io.impactproof.gateway.ledger;

import io.impactproof.ledger.EmbeddedLedger;
import io.impactproof.ledger.TransactionRefused;
import java.util.List;
import java.util.Map;

/** The embedded ledger behind the port, submitting as one organisation (MSP id). Thread-safe. */
public final class EmbeddedLedgerPort implements LedgerPort {
    private final EmbeddedLedger ledger;
    private final String mspId;

    public EmbeddedLedgerPort(final EmbeddedLedger ledger, final String mspId) {
        this.ledger = ledger;
        this.mspId = mspId;
    }

    public EmbeddedLedger ledger() {
        return ledger;
    }

    @Override
    public byte[] submit(final String function, final List<String> args, final Map<String, byte[]> transientData) {
        try {
            return ledger.submit(mspId, function, args, transientData).payload();
        } catch (TransactionRefused e) {
            throw new LedgerRefusal(e.code(), e.detail());
        }
    }

    @Override
    public byte[] evaluate(final String function, final String... args) {
        try {
            return ledger.evaluate(mspId, function, args);
        } catch (TransactionRefused e) {
            throw new LedgerRefusal(e.code(), e.detail());
        }
    }

    @Override
    public void close() {
        ledger.close();
    }
}
