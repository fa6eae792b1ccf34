package io.impactproof.credentials.vc;

import io.impactproof.credentials.json.Json;
import java.math.BigInteger;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code BitstringStatusListEntry} pointing at one bit of a status list. This record is immutable.
 *
 * @param statusPurpose {@code revocation} (not reversible) or {@code suspension} (reversible)
 * @param statusListIndex the bit index, a base-10 integer string as the spec requires
 */
public record StatusEntry(String id, String statusPurpose, String statusListIndex, String statusListCredential) {
    public static final String TYPE = "BitstringStatusListEntry";

    /** An entry for bit {@code index} of the list credential at {@code listUrl}. */
    public static StatusEntry of(final String listUrl, final String purpose, final long index) {
        return new StatusEntry(listUrl + "#" + index, purpose, Long.toString(index), listUrl);
    }

    public BigInteger index() {
        return new BigInteger(statusListIndex);
    }

    public ObjectNode toJson() {
        final ObjectNode node = Json.object();
        if (id != null) {
            node.put("id", id);
        }
        return node.put("type", TYPE)
                .put("statusPurpose", statusPurpose)
                .put("statusListIndex", statusListIndex)
                .put("statusListCredential", statusListCredential);
    }
}
