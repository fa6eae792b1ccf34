package io.impactproof.client.ledger;

/**
 * A chaincode event as committed: where it is in the ledger, which transaction set it, its name and
 * payload (the chaincode's sorted JSON). This record is immutable (the payload is not written to).
 */
public record LedgerEvent(long block, int transaction, String txId, String name, byte[] payload) {
    /** The checkpoint to record once this event is handled. */
    public Checkpoint checkpoint() {
        return new Checkpoint(block, transaction);
    }
}
