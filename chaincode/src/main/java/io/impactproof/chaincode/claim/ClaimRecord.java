package io.impactproof.chaincode.claim;

import java.util.List;

/**
 * What the ledger holds of a claim: digests and non-personal metadata, never the claim data. This
 * record is immutable.
 *
 * @param id the claim credential's id
 * @param digest hex SHA-256 of the exact compact JWS (the credential stays off the ledger)
 * @param digestSRI sha384 SRI of the same bytes, as attestations and certificates pin it
 * @param uniquenessKey hex SHA-256 identifying the activity and impact category across protocols
 * @param assetKey hex SHA-256 identifying the asset, for period overlap checks
 * @param claimedValue the value the protocol engine computed from the claim data
 * @param evidence the digestSRI of each evidence item the claim pins
 * @param fixedValue the value fixed from the attestations, once the quorum agrees
 * @param spread max − min of the attested values, once the quorum is reached
 */
public record ClaimRecord(
        String id,
        String digest,
        String digestSRI,
        String owner,
        String organisation,
        String protocol,
        String protocolDigest,
        String category,
        String unit,
        String uniquenessKey,
        String assetKey,
        String periodStart,
        String periodEnd,
        String claimedValue,
        String proofLevel,
        List<String> evidence,
        ClaimStatus status,
        int attestations,
        String fixedValue,
        String spread,
        String certificate,
        String reason,
        String submittedAt,
        String updatedAt) {
    public ClaimRecord {
        evidence = List.copyOf(evidence);
    }

    public ClaimRecord decided(
            final ClaimStatus next, final int count, final String value, final String newSpread, final String now) {
        return new ClaimRecord(
                id,
                digest,
                digestSRI,
                owner,
                organisation,
                protocol,
                protocolDigest,
                category,
                unit,
                uniquenessKey,
                assetKey,
                periodStart,
                periodEnd,
                claimedValue,
                proofLevel,
                evidence,
                status.to(next),
                count,
                value,
                newSpread,
                certificate,
                reason,
                submittedAt,
                now);
    }

    public ClaimRecord counted(final int count, final String now) {
        return new ClaimRecord(
                id,
                digest,
                digestSRI,
                owner,
                organisation,
                protocol,
                protocolDigest,
                category,
                unit,
                uniquenessKey,
                assetKey,
                periodStart,
                periodEnd,
                claimedValue,
                proofLevel,
                evidence,
                status,
                count,
                fixedValue,
                spread,
                certificate,
                reason,
                submittedAt,
                now);
    }

    public ClaimRecord certified(final String serial, final String now) {
        return new ClaimRecord(
                id,
                digest,
                digestSRI,
                owner,
                organisation,
                protocol,
                protocolDigest,
                category,
                unit,
                uniquenessKey,
                assetKey,
                periodStart,
                periodEnd,
                claimedValue,
                proofLevel,
                evidence,
                status.to(ClaimStatus.CERTIFIED),
                attestations,
                fixedValue,
                spread,
                serial,
                reason,
                submittedAt,
                now);
    }

    public ClaimRecord rejected(final String why, final String now) {
        return new ClaimRecord(
                id,
                digest,
                digestSRI,
                owner,
                organisation,
                protocol,
                protocolDigest,
                category,
                unit,
                uniquenessKey,
                assetKey,
                periodStart,
                periodEnd,
                claimedValue,
                proofLevel,
                evidence,
                status.to(ClaimStatus.REJECTED),
                attestations,
                fixedValue,
                spread,
                certificate,
                why,
                submittedAt,
                now);
    }
}
