package io.impactproof.chaincode.campaign;

import io.impactproof.chaincode.context.Instruction;
import io.impactproof.chaincode.context.Pages;
import io.impactproof.chaincode.context.RegistryContext;
import io.impactproof.chaincode.context.RegistryContract;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.holding.Moves;
import io.impactproof.model.Actions;
import io.impactproof.model.Bounds;
import io.impactproof.model.LedgerJson;
import io.impactproof.model.RegistryError;
import io.impactproof.model.campaign.Allocation;
import io.impactproof.model.campaign.AllocationStatus;
import io.impactproof.model.campaign.Campaign;
import io.impactproof.model.campaign.CampaignStatus;
import io.impactproof.model.campaign.OwnerAccount;
import io.impactproof.model.campaign.Payment;
import io.impactproof.model.campaign.Terms;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.Retirement;
import io.impactproof.model.participant.Participant;
import io.impactproof.model.participant.Role;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Pre-finance campaigns that pay only on proof. A financer opens a campaign and commits its budget;
 * the holder of an ACTIVE certificate it produced applies, accepting the terms; the allocation is
 * fixed in ledger order within the caps and the budget; the financer records payments, and the
 * payment that completes an allocation moves the certificate to the financer or retires it for the
 * financer's beneficiary in the same transaction. Advances paid before proof are netted against the
 * owner's next allocations. This class is stateless and thread-safe.
 */
@Contract(name = "campaigns", info = @Info(title = "Pre-finance campaigns", version = "1.0.0"))
public final class CampaignContract extends RegistryContract {

    /** Opens a campaign; signed by a financer of the submitting organisation. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Open")
    public String open(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.OPEN_CAMPAIGN);
        final Participant financer = ctx.authorisation().acting(signed.signer(), Role.FINANCER);
        ctx.authorisation().requireOwnOrganisation(financer);
        final String id = signed.text("id", Bounds.IDENTIFIER);
        if (ctx.campaigns().get(id).isPresent()) {
            throw new RegistryException(RegistryError.CAMPAIGN_EXISTS, id);
        }
        final String zero = Money.text(Money.ZERO);
        final Campaign campaign = new Campaign(
                id,
                signed.text("title", Bounds.NAME),
                financer.did(),
                financer.organisation(),
                CampaignTerms.eligibility(signed.args().path("eligibility")),
                CampaignTerms.terms(signed.args().path("terms")),
                CampaignTerms.currency(signed.args().path("currency")),
                Money.text(Money.amount("budget", signed.args().path("budget").stringValue(null))),
                zero,
                zero,
                zero,
                zero,
                0,
                CampaignStatus.OPEN,
                ctx.nowText(),
                ctx.nowText());
        ctx.campaigns().save(campaign);
        ctx.events().emit("CampaignOpened", Map.of("id", id, "budget", campaign.budget()));
        return LedgerJson.string(campaign);
    }

    /** Closes a campaign: no more applications or advances; what it allocated is still paid and settled. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Close")
    public String close(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.CLOSE_CAMPAIGN);
        final Campaign campaign = open(ctx, financed(ctx, signed));
        final Campaign closed = campaign.with(
                campaign.allocated(),
                campaign.advanced(),
                campaign.paid(),
                campaign.toRecover(),
                campaign.allocations(),
                CampaignStatus.CLOSED,
                ctx.nowText());
        ctx.campaigns().save(closed);
        ctx.events().emit("CampaignClosed", Map.of("id", campaign.id()));
        return LedgerJson.string(closed);
    }

    /**
     * The holder (and producer) of an ACTIVE certificate applies it to a campaign, accepting the
     * campaign's terms: on full payment the certificate goes to the financer or is retired for it.
     * {@code acceptPartial: true} takes what is left of the budget when it does not cover the amount.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Apply")
    public String apply(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.APPLY);
        final Campaign campaign = open(ctx, ctx.campaigns().find(signed.text("campaign", Bounds.IDENTIFIER)));
        final CertificateRecord certificate = Moves.held(ctx, signed);
        if (!certificate.producer().equals(signed.signer())) {
            throw new RegistryException(
                    RegistryError.CAMPAIGN_INELIGIBLE,
                    "a campaign funds the producer of the impact, not a later holder of " + certificate.serial());
        }
        requireNotFunded(ctx, certificate);
        final Allocation allocation = new Allocator(ctx, campaign, certificate)
                .allocate(signed.args().path("acceptPartial").asBoolean(false));
        ctx.events()
                .emit(
                        "CampaignAllocated",
                        Map.of(
                                "campaign", campaign.id(),
                                "serial", certificate.serial(),
                                "amount", allocation.amount(),
                                "outcome", allocation.outcome()));
        return LedgerJson.string(ctx.campaigns().findAllocation(campaign.id(), certificate.serial()));
    }

    /** An advance paid to an owner before proof; netted against the owner's next allocations. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Advance")
    public String advance(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.ADVANCE);
        final Campaign campaign = open(ctx, financed(ctx, signed));
        final Participant owner = ctx.authorisation().acting(signed.text("owner", Bounds.IDENTIFIER), Role.OWNER);
        if (!campaign.eligibility().owners().isEmpty()
                && !campaign.eligibility().owners().contains(owner.did())) {
            throw new RegistryException(
                    RegistryError.CAMPAIGN_INELIGIBLE,
                    owner.did() + " is not an owner campaign " + campaign.id() + " funds");
        }
        final BigDecimal amount =
                Money.amount("amount", signed.args().path("amount").stringValue(null));
        final Payment payment = payment(ctx, signed, amount);
        if (amount.compareTo(campaign.remaining()) > 0) {
            throw new RegistryException(
                    RegistryError.ADVANCE_EXCEEDS_BUDGET,
                    Money.text(amount) + " asked, " + Money.text(campaign.remaining()) + " left in " + campaign.id());
        }
        ctx.campaigns()
                .save(campaign.with(
                        campaign.allocated(),
                        Money.text(Money.of(campaign.advanced()).add(amount)),
                        Money.text(Money.of(campaign.paid()).add(amount)),
                        campaign.toRecover(),
                        campaign.allocations(),
                        campaign.status(),
                        ctx.nowText()));
        final OwnerAccount account = ctx.campaigns().account(campaign.id(), owner.did());
        final OwnerAccount advanced = new OwnerAccount(
                campaign.id(),
                owner.did(),
                account.allocated(),
                Money.text(Money.of(account.advanced()).add(amount)),
                Money.text(Money.of(account.outstanding()).add(amount)));
        ctx.campaigns().save(advanced);
        ctx.events()
                .emit(
                        "CampaignAdvanced",
                        Map.of("campaign", campaign.id(), "owner", owner.did(), "amount", payment.amount()));
        return LedgerJson.string(advanced);
    }

    /**
     * Records a payment against an allocation; the payment that completes it settles it: the
     * certificate is transferred to the financer, or retired for the campaign's beneficiary.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Pay")
    public String pay(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.PAY);
        final Campaign campaign = financed(ctx, signed);
        final Allocation allocation =
                ctx.campaigns().findAllocation(campaign.id(), signed.text("serial", Bounds.IDENTIFIER));
        if (allocation.status() != AllocationStatus.ALLOCATED) {
            throw new RegistryException(
                    RegistryError.ALLOCATION_STATE_INVALID,
                    "the allocation of " + allocation.serial() + " is " + allocation.status());
        }
        final BigDecimal amount =
                Money.amount("amount", signed.args().path("amount").stringValue(null));
        final BigDecimal left = Money.of(allocation.payable()).subtract(Money.of(allocation.paid()));
        if (amount.compareTo(left) > 0) {
            throw new RegistryException(
                    RegistryError.PAYMENT_EXCEEDS_DUE,
                    Money.text(amount) + " paid, " + Money.text(left) + " payable on " + allocation.serial());
        }
        final List<Payment> payments = new ArrayList<>(allocation.payments());
        payments.add(payment(ctx, signed, amount));
        final BigDecimal paid = Money.of(allocation.paid()).add(amount);
        final Allocation updated =
                allocation.with(allocation.status(), Money.text(paid), allocation.toRecover(), payments, ctx.nowText());
        ctx.campaigns().save(updated);
        ctx.campaigns()
                .save(campaign.with(
                        campaign.allocated(),
                        campaign.advanced(),
                        Money.text(Money.of(campaign.paid()).add(amount)),
                        campaign.toRecover(),
                        campaign.allocations(),
                        campaign.status(),
                        ctx.nowText()));
        if (paid.compareTo(Money.of(allocation.payable())) == 0) {
            settle(ctx, campaign, updated, signed.signer());
        } else {
            ctx.events()
                    .emit(
                            "CampaignPaid",
                            Map.of(
                                    "campaign",
                                    campaign.id(),
                                    "serial",
                                    allocation.serial(),
                                    "amount",
                                    Money.text(amount)));
        }
        return LedgerJson.string(ctx.campaigns().findAllocation(campaign.id(), allocation.serial()));
    }

    /** The funded units go to the financer, or are retired for the campaign's beneficiary. */
    static void settle(
            final RegistryContext ctx, final Campaign campaign, final Allocation allocation, final String by) {
        final CertificateRecord certificate = ctx.certificates().find(allocation.serial());
        final String note = "settled by campaign " + campaign.id();
        final CertificateRecord moved = Terms.RETIRE.equals(campaign.terms().settlement())
                ? Moves.retire(
                        ctx,
                        certificate,
                        new Retirement(
                                campaign.terms().beneficiary(),
                                campaign.terms().purpose(),
                                null,
                                certificate.periodEnd().substring(0, 4),
                                by,
                                ctx.nowText(),
                                ctx.txId()),
                        campaign.financer())
                : certificate.holder().equals(campaign.financer())
                        ? certificate
                        : Moves.transfer(ctx, certificate, campaign.financer(), by, note);
        ctx.campaigns()
                .save(allocation.with(
                        AllocationStatus.SETTLED,
                        allocation.paid(),
                        allocation.toRecover(),
                        allocation.payments(),
                        ctx.nowText()));
        ctx.events()
                .emit(
                        "CampaignSettled",
                        Map.of(
                                "campaign", campaign.id(),
                                "serial", certificate.serial(),
                                "status", moved.status().name(),
                                "holder", moved.holder()));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Get")
    public String get(final RegistryContext ctx, final String id) {
        return LedgerJson.string(ctx.campaigns().find(id));
    }

    /** Every campaign, open or closed, in id order. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "List")
    public String list(final RegistryContext ctx) {
        return LedgerJson.string(ctx.campaigns().all());
    }

    /** A page of a campaign's allocations, in serial order; {@code bookmark} empty for the first. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Allocations")
    public String allocations(
            final RegistryContext ctx, final String campaign, final String pageSize, final String bookmark) {
        ctx.campaigns().find(campaign);
        return Pages.json(ctx.campaigns().allocations(campaign, Pages.size(pageSize), bookmark));
    }

    /** An owner's allocations and advances in a campaign. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Account")
    public String account(final RegistryContext ctx, final String campaign, final String owner) {
        ctx.campaigns().find(campaign);
        return LedgerJson.string(ctx.campaigns().account(campaign, owner));
    }

    /** The allocation that funds a certificate (ALLOCATION_NOT_FOUND when none does). */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Funding")
    public String funding(final RegistryContext ctx, final String serial) {
        return LedgerJson.string(ctx.campaigns()
                .funding(serial)
                .orElseThrow(() ->
                        new RegistryException(RegistryError.ALLOCATION_NOT_FOUND, "no campaign funds " + serial)));
    }

    /** The campaign the instruction names, whose financer signed it from its own organisation. */
    private static Campaign financed(final RegistryContext ctx, final Instruction signed) {
        final Campaign campaign = ctx.campaigns().find(signed.text("campaign", Bounds.IDENTIFIER));
        if (!campaign.financer().equals(signed.signer())) {
            throw new RegistryException(
                    RegistryError.FORBIDDEN, "only the financer of " + campaign.id() + " acts on it");
        }
        ctx.authorisation().requireOwnOrganisation(ctx.authorisation().acting(signed.signer(), Role.FINANCER));
        return campaign;
    }

    private static Campaign open(final RegistryContext ctx, final Campaign campaign) {
        if (campaign.status() != CampaignStatus.OPEN) {
            throw new RegistryException(RegistryError.CAMPAIGN_CLOSED, campaign.id());
        }
        return campaign;
    }

    /** Neither the certificate nor the certificate it was split from (nor its parent…) is funded. */
    private static void requireNotFunded(final RegistryContext ctx, final CertificateRecord certificate) {
        CertificateRecord current = certificate;
        while (current != null) {
            final String serial = current.serial();
            ctx.campaigns().funder(serial).ifPresent(c -> {
                throw new RegistryException(
                        RegistryError.ALREADY_FUNDED,
                        serial.equals(certificate.serial())
                                ? serial + " is funded by campaign " + c
                                : certificate.serial() + " was split from " + serial + ", funded by campaign " + c);
            });
            current = current.parent() == null ? null : ctx.certificates().find(current.parent());
        }
    }

    private static Payment payment(final RegistryContext ctx, final Instruction signed, final BigDecimal amount) {
        final String paidOn = signed.text("paidOn", Bounds.PERIOD);
        if (!paidOn.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "paidOn is a day, YYYY-MM-DD");
        }
        return new Payment(
                signed.text("reference", Bounds.NAME), Money.text(amount), paidOn, ctx.nowText(), ctx.txId());
    }
}
