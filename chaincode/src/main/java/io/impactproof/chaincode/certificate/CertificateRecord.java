package io.impactproof.chaincode.certificate;

import java.util.List;

/**
 * A proof-of-impact certificate as the ledger holds it. This record is immutable.
 *
 * @param serial {@code IPC-<year>-<protocol code>-<claim digest>-<first unit>-<last unit>} (see {@link Serials})
 * @param quantity the certified impact at the protocol's scale, in {@code unit}
 * @param holder the DID that holds the certificate now (the producer, until it is transferred)
 * @param producer the owner of the claim, to whom the proof was attributed
 * @param statusIndex the certificate's bit in the revocation and suspension lists (list = index / 131072)
 * @param credentialDigestSRI SRI of the certificate credential the validator attached, once ACTIVE
 */
public record CertificateRecord(
        String serial,
        String claim,
        String claimDigestSRI,
        String protocol,
        String protocolDigest,
        String category,
        String unit,
        String quantity,
        long firstUnit,
        long lastUnit,
        String proofLevel,
        String periodStart,
        String periodEnd,
        String producer,
        String holder,
        String organisation,
        String validator,
        List<AttestedValue> attestations,
        long statusIndex,
        CertificateStatus status,
        String credentialDigestSRI,
        String reason,
        String issuedAt,
        String updatedAt) {
    public CertificateRecord {
        attestations = List.copyOf(attestations);
    }

    public CertificateRecord withStatus(final CertificateStatus next, final String why, final String now) {
        return new CertificateRecord(
                serial,
                claim,
                claimDigestSRI,
                protocol,
                protocolDigest,
                category,
                unit,
                quantity,
                firstUnit,
                lastUnit,
                proofLevel,
                periodStart,
                periodEnd,
                producer,
                holder,
                organisation,
                validator,
                attestations,
                statusIndex,
                status.to(next),
                credentialDigestSRI,
                why,
                issuedAt,
                now);
    }

    public CertificateRecord withCredential(final String sri, final String now) {
        return new CertificateRecord(
                serial,
                claim,
                claimDigestSRI,
                protocol,
                protocolDigest,
                category,
                unit,
                quantity,
                firstUnit,
                lastUnit,
                proofLevel,
                periodStart,
                periodEnd,
                producer,
                holder,
                organisation,
                validator,
                attestations,
                statusIndex,
                status.to(CertificateStatus.ACTIVE),
                sri,
                reason,
                issuedAt,
                now);
    }
}
