package io.impactproof.chaincode.campaign;

import io.impactproof.chaincode.context.RegistryContext;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.model.RegistryError;
import io.impactproof.model.campaign.Allocation;
import io.impactproof.model.campaign.AllocationStatus;
import io.impactproof.model.campaign.Campaign;
import io.impactproof.model.campaign.Eligibility;
import io.impactproof.model.campaign.OwnerAccount;
import io.impactproof.model.campaign.Terms;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.protocols.model.ProofLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Fixes what a campaign owes for one certificate: eligibility, the amount its terms give, the caps,
 * the budget left (in ledger order: the allocation reads and writes the campaign record), the
 * owner's outstanding advance netted. Not thread-safe; one per application.
 */
final class Allocator {
    private final RegistryContext ctx;
    private final Campaign campaign;
    private final CertificateRecord certificate;

    Allocator(final RegistryContext ctx, final Campaign campaign, final CertificateRecord certificate) {
        this.ctx = ctx;
        this.campaign = campaign;
        this.certificate = certificate;
    }

    Allocation allocate(final boolean acceptPartial) {
        requireEligible();
        final String month = certificate.periodEnd().substring(0, 7);
        final BigDecimal due = due();
        BigDecimal amount = due;
        String outcome = Allocation.FULL;
        final Terms terms = campaign.terms();
        if (terms.capPerClaim() != null && amount.compareTo(Money.of(terms.capPerClaim())) > 0) {
            amount = Money.of(terms.capPerClaim());
            outcome = Allocation.CAPPED;
        }
        final BigDecimal used = ctx.campaigns().monthUse(campaign.id(), certificate.producer(), month);
        if (terms.capPerOwnerMonth() != null) {
            final BigDecimal left = Money.of(terms.capPerOwnerMonth()).subtract(used);
            if (left.signum() <= 0) {
                throw new RegistryException(
                        RegistryError.CAP_REACHED,
                        certificate.producer() + " has received the cap of " + terms.capPerOwnerMonth() + " "
                                + campaign.currency() + " for " + month + " in " + campaign.id());
            }
            if (amount.compareTo(left) > 0) {
                amount = left;
                outcome = Allocation.CAPPED;
            }
        }
        final String beneficiary = claim().subject();
        final BigDecimal usedByBeneficiary =
                beneficiary == null ? Money.ZERO : ctx.campaigns().beneficiaryUse(campaign.id(), beneficiary, month);
        if (terms.capPerBeneficiaryMonth() != null && beneficiary != null) {
            final BigDecimal left = Money.of(terms.capPerBeneficiaryMonth()).subtract(usedByBeneficiary);
            if (left.signum() <= 0) {
                throw new RegistryException(
                        RegistryError.CAP_REACHED,
                        "the person the claim is about has received the cap of " + terms.capPerBeneficiaryMonth() + " "
                                + campaign.currency() + " for " + month + " in " + campaign.id());
            }
            if (amount.compareTo(left) > 0) {
                amount = left;
                outcome = Allocation.CAPPED;
            }
        }
        final OwnerAccount account = ctx.campaigns().account(campaign.id(), certificate.producer());
        final BigDecimal outstanding = Money.of(account.outstanding());
        final BigDecimal remaining = campaign.remaining();
        // The netted part of an advance is already committed: only the rest draws on the budget.
        if (amount.subtract(amount.min(outstanding)).compareTo(remaining) > 0) {
            final BigDecimal coverable = remaining.add(outstanding);
            if (!acceptPartial || remaining.signum() <= 0) {
                throw new RegistryException(
                        RegistryError.BUDGET_EXHAUSTED,
                        campaign.id() + " has " + Money.text(remaining.max(Money.ZERO)) + " " + campaign.currency()
                                + " left, " + Money.text(amount) + " due for " + certificate.serial()
                                + (acceptPartial ? "" : " (acceptPartial takes what is left)"));
            }
            amount = coverable;
            outcome = Allocation.PARTIAL;
        }
        final BigDecimal netted = amount.min(outstanding);
        final BigDecimal payable = amount.subtract(netted);
        final String zero = Money.text(Money.ZERO);
        final Allocation allocation = new Allocation(
                campaign.id(),
                certificate.serial(),
                certificate.producer(),
                beneficiary,
                certificate.protocol(),
                certificate.category(),
                certificate.unit(),
                certificate.quantity(),
                month,
                Money.text(due),
                Money.text(amount),
                outcome,
                Money.text(netted),
                Money.text(payable),
                zero,
                zero,
                AllocationStatus.ALLOCATED,
                List.of(),
                ctx.nowText(),
                ctx.nowText(),
                ctx.txId());
        ctx.campaigns().save(allocation);
        ctx.campaigns().fund(certificate.serial(), campaign.id());
        ctx.campaigns().monthUse(campaign.id(), certificate.producer(), month, used.add(amount));
        if (beneficiary != null) {
            ctx.campaigns().beneficiaryUse(campaign.id(), beneficiary, month, usedByBeneficiary.add(amount));
        }
        ctx.campaigns()
                .save(new OwnerAccount(
                        campaign.id(),
                        certificate.producer(),
                        Money.text(Money.of(account.allocated()).add(amount)),
                        account.advanced(),
                        Money.text(outstanding.subtract(netted))));
        final Campaign updated = campaign.with(
                Money.text(Money.of(campaign.allocated()).add(amount)),
                Money.text(Money.of(campaign.advanced()).subtract(netted)),
                campaign.paid(),
                campaign.toRecover(),
                campaign.allocations() + 1,
                campaign.status(),
                ctx.nowText());
        ctx.campaigns().save(updated);
        if (payable.signum() == 0) {
            // The advance paid it all: nothing more is owed, the units are delivered now.
            CampaignContract.settle(ctx, updated, allocation, campaign.financer());
        }
        return allocation;
    }

    private void requireEligible() {
        final Eligibility e = campaign.eligibility();
        final String[] ref = certificate.protocol().split("@", 2);
        if (!e.protocols().isEmpty()
                && e.protocols().stream().noneMatch(p -> p.id().equals(ref[0]) && inRange(ref[1], p))) {
            refuse(certificate.protocol() + " is not a protocol version it funds");
        }
        if (!e.categories().isEmpty() && !e.categories().contains(certificate.category())) {
            refuse(certificate.category() + " is not an impact category it funds");
        }
        if (e.minProofLevel() != null
                && !ProofLevel.valueOf(certificate.proofLevel().toUpperCase(Locale.ROOT))
                        .atLeast(ProofLevel.valueOf(e.minProofLevel().toUpperCase(Locale.ROOT)))) {
            refuse("proof level " + certificate.proofLevel() + " is below " + e.minProofLevel());
        }
        if (!e.owners().isEmpty() && !e.owners().contains(certificate.producer())) {
            refuse(certificate.producer() + " is not an owner it funds");
        }
        if (!e.beneficiaries().isEmpty() && !e.beneficiaries().contains(claim().subject())) {
            refuse("the person the claim is about is not one it funds");
        }
        if (!e.organisations().isEmpty() && !e.organisations().contains(certificate.organisation())) {
            refuse("the sub-network " + certificate.organisation() + " is not one it funds");
        }
        if (e.periodStart() != null && certificate.periodStart().compareTo(e.periodStart()) < 0
                || e.periodEnd() != null && certificate.periodEnd().compareTo(e.periodEnd()) > 0) {
            refuse("the activity period " + certificate.periodStart() + ".." + certificate.periodEnd() + " is outside "
                    + e.periodStart() + ".." + e.periodEnd());
        }
    }

    private static boolean inRange(final String version, final Eligibility.ProtocolRange range) {
        if (!version.matches(Versions.FORM)) {
            return range.from() == null && range.to() == null;
        }
        return (range.from() == null || Versions.compare(version, range.from()) >= 0)
                && (range.to() == null || Versions.compare(version, range.to()) <= 0);
    }

    /** The amount the terms give for the certificate, before caps and budget. */
    private BigDecimal due() {
        final Terms terms = campaign.terms();
        final BigDecimal quantity = new BigDecimal(certificate.quantity());
        final BigDecimal due;
        if (terms.rate() != null) {
            due = Money.down(quantity.multiply(new BigDecimal(terms.rate())));
        } else {
            final ClaimRecord claim = claim();
            final String stated =
                    claim.amounts() == null ? null : claim.amounts().get(terms.amount());
            if (stated == null) {
                refuse("its claim states no amount " + terms.amount() + " (the protocol computes none)");
            }
            // A lot of a split certificate is paid its share of the claim's amount.
            due = Money.down(new BigDecimal(stated)
                    .multiply(quantity)
                    .divide(new BigDecimal(claim.fixedValue()), 10, RoundingMode.DOWN));
        }
        if (due.signum() <= 0) {
            refuse("its terms give nothing for " + certificate.quantity() + " " + certificate.unit());
        }
        return due;
    }

    private ClaimRecord claim;

    private ClaimRecord claim() {
        if (claim == null) {
            claim = ctx.claims().find(certificate.claim());
        }
        return claim;
    }

    private void refuse(final String why) {
        throw new RegistryException(
                RegistryError.CAMPAIGN_INELIGIBLE,
                certificate.serial() + " for campaign " + campaign.id() + ": " + why);
    }
}
