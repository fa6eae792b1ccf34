package io.impactproof.model.certificate;

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
 * @param credentialDigest hex SHA-256 of the same credential, by which stores address it (null in
 *     records written before it was kept)
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
        String credentialDigest,
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

    /** A builder starting from this record's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CertificateRecord}; not thread-safe. */
    public static final class Builder {
        private String serial;
        private String claim;
        private String claimDigestSRI;
        private String protocol;
        private String protocolDigest;
        private String category;
        private String unit;
        private String quantity;
        private long firstUnit;
        private long lastUnit;
        private String proofLevel;
        private String periodStart;
        private String periodEnd;
        private String producer;
        private String holder;
        private String organisation;
        private String validator;
        private List<AttestedValue> attestations;
        private long statusIndex;
        private CertificateStatus status;
        private String credentialDigestSRI;
        private String credentialDigest;
        private String reason;
        private String issuedAt;
        private String updatedAt;
        private String parent;
        private List<String> lots;
        private Retirement retirement;

        private Builder() {}

        private Builder(final CertificateRecord r) {
            this.serial = r.serial;
            this.claim = r.claim;
            this.claimDigestSRI = r.claimDigestSRI;
            this.protocol = r.protocol;
            this.protocolDigest = r.protocolDigest;
            this.category = r.category;
            this.unit = r.unit;
            this.quantity = r.quantity;
            this.firstUnit = r.firstUnit;
            this.lastUnit = r.lastUnit;
            this.proofLevel = r.proofLevel;
            this.periodStart = r.periodStart;
            this.periodEnd = r.periodEnd;
            this.producer = r.producer;
            this.holder = r.holder;
            this.organisation = r.organisation;
            this.validator = r.validator;
            this.attestations = r.attestations;
            this.statusIndex = r.statusIndex;
            this.status = r.status;
            this.credentialDigestSRI = r.credentialDigestSRI;
            this.credentialDigest = r.credentialDigest;
            this.reason = r.reason;
            this.issuedAt = r.issuedAt;
            this.updatedAt = r.updatedAt;
            this.parent = r.parent;
            this.lots = r.lots;
            this.retirement = r.retirement;
        }

        public Builder serial(final String value) {
            this.serial = value;
            return this;
        }

        public Builder claim(final String value) {
            this.claim = value;
            return this;
        }

        public Builder claimDigestSRI(final String value) {
            this.claimDigestSRI = value;
            return this;
        }

        public Builder protocol(final String value) {
            this.protocol = value;
            return this;
        }

        public Builder protocolDigest(final String value) {
            this.protocolDigest = value;
            return this;
        }

        public Builder category(final String value) {
            this.category = value;
            return this;
        }

        public Builder unit(final String value) {
            this.unit = value;
            return this;
        }

        public Builder quantity(final String value) {
            this.quantity = value;
            return this;
        }

        public Builder firstUnit(final long value) {
            this.firstUnit = value;
            return this;
        }

        public Builder lastUnit(final long value) {
            this.lastUnit = value;
            return this;
        }

        public Builder proofLevel(final String value) {
            this.proofLevel = value;
            return this;
        }

        public Builder periodStart(final String value) {
            this.periodStart = value;
            return this;
        }

        public Builder periodEnd(final String value) {
            this.periodEnd = value;
            return this;
        }

        public Builder producer(final String value) {
            this.producer = value;
            return this;
        }

        public Builder holder(final String value) {
            this.holder = value;
            return this;
        }

        public Builder organisation(final String value) {
            this.organisation = value;
            return this;
        }

        public Builder validator(final String value) {
            this.validator = value;
            return this;
        }

        public Builder attestations(final List<AttestedValue> value) {
            this.attestations = value;
            return this;
        }

        public Builder statusIndex(final long value) {
            this.statusIndex = value;
            return this;
        }

        public Builder status(final CertificateStatus value) {
            this.status = value;
            return this;
        }

        public Builder credentialDigestSRI(final String value) {
            this.credentialDigestSRI = value;
            return this;
        }

        public Builder credentialDigest(final String value) {
            this.credentialDigest = value;
            return this;
        }

        public Builder reason(final String value) {
            this.reason = value;
            return this;
        }

        public Builder issuedAt(final String value) {
            this.issuedAt = value;
            return this;
        }

        public Builder updatedAt(final String value) {
            this.updatedAt = value;
            return this;
        }

        public Builder parent(final String value) {
            this.parent = value;
            return this;
        }

        public Builder lots(final List<String> value) {
            this.lots = value;
            return this;
        }

        public Builder retirement(final Retirement value) {
            this.retirement = value;
            return this;
        }

        public CertificateRecord build() {
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
                    status,
                    credentialDigestSRI,
                    credentialDigest,
                    reason,
                    issuedAt,
                    updatedAt,
                    parent,
                    lots,
                    retirement);
        }
    }
}
