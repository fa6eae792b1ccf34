package io.impactproof.model.campaign;

import java.math.BigDecimal;

/**
 * A financer's pre-finance campaign: the budget it committed on the ledger and what it has
 * allocated, advanced and paid. Amounts are decimal strings with two decimals, in {@code currency}.
 * This record is immutable.
 *
 * @param allocated what live allocations owe (allocated, frozen or settled; cancelled ones give it back)
 * @param advanced advances paid to owners before proof and not yet netted against allocations
 * @param paid payments recorded, advances included
 * @param toRecover amounts paid for certificates later revoked, to be recovered from their owners
 * @param allocations how many allocations were made
 */
public record Campaign(
        String id,
        String title,
        String financer,
        String organisation,
        Eligibility eligibility,
        Terms terms,
        String currency,
        String budget,
        String allocated,
        String advanced,
        String paid,
        String toRecover,
        long allocations,
        CampaignStatus status,
        String openedAt,
        String updatedAt) {

    /**
     * What the campaign can still commit: budget − allocated − outstanding advances − what was paid
     * for revoked certificates and is not recovered yet.
     */
    public BigDecimal remaining() {
        return new BigDecimal(budget)
                .subtract(new BigDecimal(allocated))
                .subtract(new BigDecimal(advanced))
                .subtract(new BigDecimal(toRecover));
    }

    public Campaign with(
            final String allocated,
            final String advanced,
            final String paid,
            final String toRecover,
            final long allocations,
            final CampaignStatus status,
            final String updatedAt) {
        return new Campaign(
                id,
                title,
                financer,
                organisation,
                eligibility,
                terms,
                currency,
                budget,
                allocated,
                advanced,
                paid,
                toRecover,
                allocations,
                status,
                openedAt,
                updatedAt);
    }
}
