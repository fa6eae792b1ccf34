package io.impactproof.ledger.embedded;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One committed transaction: what it wrote and emitted, chained to the previous block by hash.
 * Transient data (the signed credentials) is never in a block, as on Fabric. This record is
 * immutable.
 *
 * @param writes key → base64 value, or null for a delete, in write order
 * @param eventPayload base64, or null
 */
record Block(
        long number,
        String txId,
        String timestamp,
        String creator,
        String function,
        Map<String, String> writes,
        String eventName,
        String eventPayload) {

    Map<String, byte[]> decodedWrites() {
        final Map<String, byte[]> out = new LinkedHashMap<>();
        writes.forEach(
                (k, v) -> out.put(k, v == null ? null : Base64.getDecoder().decode(v)));
        return out;
    }

    static Map<String, String> encode(final Map<String, byte[]> writes) {
        final Map<String, String> out = new LinkedHashMap<>();
        writes.forEach(
                (k, v) -> out.put(k, v == null ? null : Base64.getEncoder().encodeToString(v)));
        return out;
    }
}
