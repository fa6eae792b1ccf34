package io.impactproof.ledger.embedded;

/**
 * A committed transaction as its submitter and listeners see it. This record is immutable (the
 * arrays are not written to).
 *
 * @param eventName the chaincode event, or null
 * @param writtenKeys the keys the transaction wrote or deleted, in write order
 */
public record Committed(
        long block,
        String txId,
        String timestamp,
        String function,
        byte[] payload,
        String eventName,
        byte[] eventPayload,
        java.util.List<String> writtenKeys) {
    public Committed {
        writtenKeys = java.util.List.copyOf(writtenKeys);
    }
}
