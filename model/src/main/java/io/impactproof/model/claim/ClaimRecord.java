package io.impactproof.model.claim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

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
 * @param amounts the protocol's calculations in a currency (EUR), e.g. a programme's bonus, computed
 *     from the claim data by the chaincode and paid by campaigns whose terms name them; absent when none
 * @param subject for a protocol about a person (its consent block), hex SHA-256 of the owner's DID and
 *     the person's pseudonymous id: the person's consents and a campaign's caps per beneficiary use it
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
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> amounts,
        @JsonInclude(JsonInclude.Include.NON_NULL) String subject,
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
        amounts = amounts == null || amounts.isEmpty() ? null : Map.copyOf(amounts);
    }

    /**
     * The id of a multi-criteria claim's record for a further criterion: {@code <claim id>#<criterion>}
     * (the first criterion's record has the credential's id).
     */
    public static String criterionId(final String claimId, final String criterion) {
        return claimId + "#" + criterion;
    }

    /** A builder starting from this record's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ClaimRecord}; not thread-safe. */
    public static final class Builder {
        private String id;
        private String digest;
        private String digestSRI;
        private String owner;
        private String organisation;
        private String protocol;
        private String protocolDigest;
        private String category;
        private String unit;
        private String uniquenessKey;
        private String assetKey;
        private String periodStart;
        private String periodEnd;
        private String claimedValue;
        private String proofLevel;
        private List<String> evidence;
        private Map<String, String> amounts;
        private String subject;
        private ClaimStatus status;
        private int attestations;
        private String fixedValue;
        private String spread;
        private String certificate;
        private String reason;
        private String submittedAt;
        private String updatedAt;

        private Builder() {}

        private Builder(final ClaimRecord r) {
            this.id = r.id;
            this.digest = r.digest;
            this.digestSRI = r.digestSRI;
            this.owner = r.owner;
            this.organisation = r.organisation;
            this.protocol = r.protocol;
            this.protocolDigest = r.protocolDigest;
            this.category = r.category;
            this.unit = r.unit;
            this.uniquenessKey = r.uniquenessKey;
            this.assetKey = r.assetKey;
            this.periodStart = r.periodStart;
            this.periodEnd = r.periodEnd;
            this.claimedValue = r.claimedValue;
            this.proofLevel = r.proofLevel;
            this.evidence = r.evidence;
            this.amounts = r.amounts;
            this.subject = r.subject;
            this.status = r.status;
            this.attestations = r.attestations;
            this.fixedValue = r.fixedValue;
            this.spread = r.spread;
            this.certificate = r.certificate;
            this.reason = r.reason;
            this.submittedAt = r.submittedAt;
            this.updatedAt = r.updatedAt;
        }

        public Builder id(final String value) {
            this.id = value;
            return this;
        }

        public Builder digest(final String value) {
            this.digest = value;
            return this;
        }

        public Builder digestSRI(final String value) {
            this.digestSRI = value;
            return this;
        }

        public Builder owner(final String value) {
            this.owner = value;
            return this;
        }

        public Builder organisation(final String value) {
            this.organisation = value;
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

        public Builder uniquenessKey(final String value) {
            this.uniquenessKey = value;
            return this;
        }

        public Builder assetKey(final String value) {
            this.assetKey = value;
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

        public Builder claimedValue(final String value) {
            this.claimedValue = value;
            return this;
        }

        public Builder proofLevel(final String value) {
            this.proofLevel = value;
            return this;
        }

        public Builder evidence(final List<String> value) {
            this.evidence = value;
            return this;
        }

        public Builder amounts(final Map<String, String> value) {
            this.amounts = value;
            return this;
        }

        public Builder subject(final String value) {
            this.subject = value;
            return this;
        }

        public Builder status(final ClaimStatus value) {
            this.status = value;
            return this;
        }

        public Builder attestations(final int value) {
            this.attestations = value;
            return this;
        }

        public Builder fixedValue(final String value) {
            this.fixedValue = value;
            return this;
        }

        public Builder spread(final String value) {
            this.spread = value;
            return this;
        }

        public Builder certificate(final String value) {
            this.certificate = value;
            return this;
        }

        public Builder reason(final String value) {
            this.reason = value;
            return this;
        }

        public Builder submittedAt(final String value) {
            this.submittedAt = value;
            return this;
        }

        public Builder updatedAt(final String value) {
            this.updatedAt = value;
            return this;
        }

        public ClaimRecord build() {
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
                    amounts,
                    subject,
                    status,
                    attestations,
                    fixedValue,
                    spread,
                    certificate,
                    reason,
                    submittedAt,
                    updatedAt);
        }
    }
}
