package io.impactproof.ledger.embedded;

import java.util.Map;

/**
 * One committed transaction: what it wrote and emitted, chained to the previous block by hash.
 * Transient data (the signed credentials) is never in a block, as on Fabric. Stored by
 * {@link BlockCodec}. The maps and arrays are not copied: nobody changes them once built.
 *
 * @param writes key → value, or null for a delete, in write order
 * @param eventPayload the event's payload, or null
 */
record Block(
        long number,
        String txId,
        String timestamp,
        String creator,
        String function,
        Map<String, byte[]> writes,
        String eventName,
        byte[] eventPayload) {}
