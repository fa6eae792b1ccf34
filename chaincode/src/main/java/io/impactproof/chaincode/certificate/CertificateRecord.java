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
 *     (a lot carries its parent's: the credential covers the whole block)
 * @param parent the serial this lot was split from, or null
 * @param lots the serials of the lots this certificate was split into
 * @param retirement how and for whom it was retired, or null
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
        String updatedAt,
        String parent,
        List<String> lots,
        Retirement retirement) {
    public CertificateRecord {
        attestations = List.copyOf(attestations);
        lots = lots == null ? List.of() : List.copyOf(lots);
    }

    /** The block part of the serial: everything before the unit range. */
    public String block() {
        final int last = serial.lastIndexOf('-');
        return serial.substring(0, serial.lastIndexOf('-', last - 1));
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
                now,
                parent,
                lots,
                retirement);
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
                now,
                parent,
                lots,
                retirement);
    }

    public CertificateRecord heldBy(final String newHolder, final String now) {
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
                newHolder,
                organisation,
                validator,
                attestations,
                statusIndex,
                status,
                credentialDigestSRI,
                reason,
                issuedAt,
                now,
                parent,
                lots,
                retirement);
    }

    public CertificateRecord splitInto(final List<String> lotSerials, final String now) {
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
                status.to(CertificateStatus.SPLIT),
                credentialDigestSRI,
                reason,
                issuedAt,
                now,
                parent,
                lotSerials,
                retirement);
    }

    /** A lot of this certificate: the given quantity over units first..last, held by the same holder. */
    public CertificateRecord lot(
            final String lotSerial, final String lotQuantity, final long first, final long last, final String now) {
        return new CertificateRecord(
                lotSerial,
                claim,
                claimDigestSRI,
                protocol,
                protocolDigest,
                category,
                unit,
                lotQuantity,
                first,
                last,
                proofLevel,
                periodStart,
                periodEnd,
                producer,
                holder,
                organisation,
                validator,
                attestations,
                statusIndex,
                CertificateStatus.ACTIVE,
                credentialDigestSRI,
                null,
                now,
                now,
                serial,
                List.of(),
                null);
    }

    public CertificateRecord retired(final Retirement how, final String now) {
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
                status.to(CertificateStatus.RETIRED),
                credentialDigestSRI,
                reason,
                issuedAt,
                now,
                parent,
                lots,
                how);
    }
}
