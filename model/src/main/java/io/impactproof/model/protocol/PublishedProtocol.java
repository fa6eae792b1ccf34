package io.impactproof.model.protocol;

import java.util.List;

/**
 * A protocol version as anchored on the ledger: its canonical definition and digests, the policy
 * with role slots bound to DIDs, and its status. This record is immutable.
 *
 * @param definition the RFC 8785 canonical JSON of the definition (what the digests are over)
 * @param status {@code ACTIVE} or {@code DEPRECATED}
 */
public record PublishedProtocol(
        String id,
        String version,
        String digest,
        String digestSRI,
        String definition,
        String category,
        String unit,
        int decimals,
        List<String> verifiers,
        int quorum,
        String toleranceRelative,
        String toleranceAbsolute,
        String valueRule,
        List<String> validators,
        String organisation,
        String publishedBy,
        String publishedAt,
        String status) {
    public static final String ACTIVE = "ACTIVE";
    public static final String DEPRECATED = "DEPRECATED";
    public static final String URN_PREFIX = "urn:impactproof:protocol:";

    public PublishedProtocol {
        verifiers = List.copyOf(verifiers);
        validators = List.copyOf(validators);
    }

    public String ref() {
        return id + "@" + version;
    }

    /** The URN by which credentials name this protocol version. */
    public String urn() {
        return urn(id, version);
    }

    /** The URN by which credentials name a protocol version. */
    public static String urn(final String id, final String version) {
        return URN_PREFIX + id + ":" + version;
    }

    public PublishedProtocol withStatus(final String newStatus) {
        return new PublishedProtocol(
                id,
                version,
                digest,
                digestSRI,
                definition,
                category,
                unit,
                decimals,
                verifiers,
                quorum,
                toleranceRelative,
                toleranceAbsolute,
                valueRule,
                validators,
                organisation,
                publishedBy,
                publishedAt,
                newStatus);
    }
}
