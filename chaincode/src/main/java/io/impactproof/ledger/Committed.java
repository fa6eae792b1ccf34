package io.impactproof.ledger;

/**
 * A committed transaction as its submitter and listeners see it. This record is immutable (the
 * arrays are not written to).
 *
 * @param eventName the chaincode event, or null
 */
public record Committed(
        long block,
        String txId,
        String timestamp,
        String function,
        byte[] payload,
        String eventName,
        byte[] eventPayload) {}
