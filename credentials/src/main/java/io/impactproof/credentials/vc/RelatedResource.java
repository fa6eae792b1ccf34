package io.impactproof.credentials.vc;

import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * A resource pinned by digest ({@code relatedResource}, VC 2.0 §5.3). This record is immutable.
 *
 * @param mediaType optional; a fetcher should ask for it and refuse another
 * @param digestSRI optional SRI expression (sha384 or stronger recommended)
 * @param digestMultibase optional multibase multihash; at least one of the two digests is present
 */
public record RelatedResource(String id, String mediaType, String digestSRI, String digestMultibase) {

    /** Pins the exact bytes served at {@code id} with both digests. */
    public static RelatedResource of(final String id, final String mediaType, final byte[] bytes) {
        return new RelatedResource(id, mediaType, Digests.sri(bytes), Digests.multibase(bytes));
    }

    /** Fails with DIGEST_MISMATCH unless the bytes match every digest given. */
    public void check(final byte[] bytes) {
        if (digestSRI != null) {
            Digests.checkSri(bytes, digestSRI);
        }
        if (digestMultibase != null) {
            Digests.checkMultibase(bytes, digestMultibase);
        }
    }

    public ObjectNode toJson() {
        final ObjectNode node = Json.object().put("id", id);
        if (mediaType != null) {
            node.put("mediaType", mediaType);
        }
        if (digestSRI != null) {
            node.put("digestSRI", digestSRI);
        }
        if (digestMultibase != null) {
            node.put("digestMultibase", digestMultibase);
        }
        return node;
    }
}
