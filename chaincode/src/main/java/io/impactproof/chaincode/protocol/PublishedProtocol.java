package io.impactproof.chaincode.protocol;

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

    public PublishedProtocol {
        verifiers = List.copyOf(verifiers);
        validators = List.copyOf(validators);
    }

    public String ref() {
        return id + "@" + version;
    }

    /** The URN by which credentials name this protocol version. */
    public String urn() {
        return ProtocolRefs.urn(id, version);
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
