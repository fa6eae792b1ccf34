package io.impactproof.gateway.ledger;

import java.util.List;
import java.util.Map;

/**
 * The gateway's one door to a ledger running the registry chaincode: submit a transaction, evaluate
 * a query. Implemented by the embedded ledger and by a Fabric network through the Gateway SDK.
 * Implementations are thread-safe and throw {@link LedgerRefusal} when the chaincode refuses.
 */
public interface LedgerPort extends AutoCloseable {
    /** Submits and waits for the commit; returns the chaincode's result. */
    byte[] submit(String function, List<String> args, Map<String, byte[]> transientData);

    /** Runs a read-only query against committed state. */
    byte[] evaluate(String function, String... args);

    @Override
    void close();
}
