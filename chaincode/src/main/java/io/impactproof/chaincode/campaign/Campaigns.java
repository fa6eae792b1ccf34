package io.impactproof.chaincode.campaign;

import io.impactproof.chaincode.context.Keys;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.State;
import io.impactproof.model.LedgerJson;
import io.impactproof.model.RegistryError;
import io.impactproof.model.campaign.Allocation;
import io.impactproof.model.campaign.AllocationStatus;
import io.impactproof.model.campaign.Campaign;
import io.impactproof.model.campaign.OwnerAccount;
import io.impactproof.model.certificate.CertificateStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The campaigns on the ledger: records, allocations, the funding mark of each funded certificate,
 * owners' accounts and per-month use. One per transaction.
 *
 * <p>An allocation writes its campaign's record (the budget): two concurrent allocations to one
 * campaign conflict on Fabric and one is endorsed again, so the budget is never exceeded. Nothing
 * else writes it, and allocations to different campaigns never conflict.
 */
public final class Campaigns {
    private final State state;

    public Campaigns(final State state) {
        this.state = state;
    }

    public Optional<Campaign> get(final String id) {
        return state.get(State.key(Keys.CAMPAIGN, id), Campaign.class);
    }

    public Campaign find(final String id) {
        return get(id).orElseThrow(() -> new RegistryException(RegistryError.CAMPAIGN_NOT_FOUND, id));
    }

    public void save(final Campaign campaign) {
        state.put(State.key(Keys.CAMPAIGN, campaign.id()), campaign);
    }

    public List<Campaign> all() {
        return state.scanRecords(Keys.CAMPAIGN, Campaign.class);
    }

    public Optional<Allocation> allocation(final String campaign, final String serial) {
        return state.get(State.key(Keys.ALLOCATION, campaign, serial), Allocation.class);
    }

    public Allocation findAllocation(final String campaign, final String serial) {
        return allocation(campaign, serial)
                .orElseThrow(() -> new RegistryException(
                        RegistryError.ALLOCATION_NOT_FOUND,
                        "campaign " + campaign + " has no allocation for " + serial));
    }

    public void save(final Allocation allocation) {
        state.put(State.key(Keys.ALLOCATION, allocation.campaign(), allocation.serial()), allocation);
    }

    /** A page of a campaign's allocations, in serial order (queries only). */
    public State.Page<Allocation> allocations(final String campaign, final int pageSize, final String bookmark) {
        return state.page(
                Keys.ALLOCATION, bytes -> LedgerJson.read(bytes, Allocation.class), pageSize, bookmark, campaign);
    }

    /** The campaign funding a certificate, if any. */
    public Optional<String> funder(final String serial) {
        return state.marker(State.key(Keys.FUNDING, serial));
    }

    public void fund(final String serial, final String campaign) {
        state.mark(State.key(Keys.FUNDING, serial), campaign);
    }

    /** The allocation funding a certificate, if any. */
    public Optional<Allocation> funding(final String serial) {
        return funder(serial).flatMap(campaign -> allocation(campaign, serial));
    }

    public OwnerAccount account(final String campaign, final String owner) {
        return state.get(State.key(Keys.CAMPAIGN_OWNER, campaign, owner), OwnerAccount.class)
                .orElse(new OwnerAccount(
                        campaign, owner, Money.text(Money.ZERO), Money.text(Money.ZERO), Money.text(Money.ZERO)));
    }

    public void save(final OwnerAccount account) {
        state.put(State.key(Keys.CAMPAIGN_OWNER, account.campaign(), account.owner()), account);
    }

    /** What the owner was allocated for the activities of one month (YYYY-MM). */
    public BigDecimal monthUse(final String campaign, final String owner, final String month) {
        return state.marker(State.key(Keys.CAMPAIGN_MONTH, campaign, owner, month))
                .map(Money::of)
                .orElse(Money.ZERO);
    }

    public void monthUse(final String campaign, final String owner, final String month, final BigDecimal used) {
        state.mark(State.key(Keys.CAMPAIGN_MONTH, campaign, owner, month), Money.text(used));
    }

    /** What was allocated for one person (a claim's subject) for one month (YYYY-MM). */
    public BigDecimal beneficiaryUse(final String campaign, final String subject, final String month) {
        return state.marker(State.key(Keys.CAMPAIGN_BENEFICIARY, campaign, subject, month))
                .map(Money::of)
                .orElse(Money.ZERO);
    }

    public void beneficiaryUse(final String campaign, final String subject, final String month, final BigDecimal used) {
        state.mark(State.key(Keys.CAMPAIGN_BENEFICIARY, campaign, subject, month), Money.text(used));
    }

    /** Fails if the certificate's units are promised to a campaign that has not paid for them yet. */
    public void requireNotCommitted(final String serial) {
        funding(serial).filter(a -> a.status().commits()).ifPresent(a -> {
            throw new RegistryException(
                    RegistryError.CERTIFICATE_COMMITTED,
                    serial + " is allocated to campaign " + a.campaign() + " (" + a.status() + "), awaiting payment");
        });
    }

    /**
     * Pay on proof: a suspended certificate's allocation is frozen (nothing is paid on it), a
     * reinstated one's thawed, and a revoked one's cancelled — its amount leaves the campaign's
     * allocations and what was already paid for it (payments and the netted advance) is flagged for
     * recovery and stays spent until recovered.
     */
    public void certificateStatusChanged(final String serial, final CertificateStatus status, final String now) {
        final Optional<Allocation> found = funding(serial);
        if (found.isEmpty()) {
            return;
        }
        final Allocation a = found.get();
        final AllocationStatus next = switch (status) {
            case SUSPENDED -> a.status() == AllocationStatus.ALLOCATED ? AllocationStatus.FROZEN : null;
            case ACTIVE -> a.status() == AllocationStatus.FROZEN ? AllocationStatus.ALLOCATED : null;
            case REVOKED -> a.status().canBecome(AllocationStatus.CANCELLED) ? AllocationStatus.CANCELLED : null;
            default -> null;
        };
        if (next == null) {
            return;
        }
        if (next != AllocationStatus.CANCELLED) {
            save(a.with(next, a.paid(), a.toRecover(), a.payments(), now));
            return;
        }
        final BigDecimal amount = Money.of(a.amount());
        final BigDecimal spent = Money.of(a.netted()).add(Money.of(a.paid()));
        save(a.with(AllocationStatus.CANCELLED, a.paid(), Money.text(spent), a.payments(), now));
        final Campaign c = find(a.campaign());
        save(c.with(
                Money.text(Money.of(c.allocated()).subtract(amount)),
                c.advanced(),
                c.paid(),
                Money.text(Money.of(c.toRecover()).add(spent)),
                c.allocations(),
                c.status(),
                now));
        final OwnerAccount account = account(a.campaign(), a.owner());
        save(new OwnerAccount(
                account.campaign(),
                account.owner(),
                Money.text(Money.of(account.allocated()).subtract(amount)),
                account.advanced(),
                account.outstanding()));
        monthUse(
                a.campaign(),
                a.owner(),
                a.month(),
                monthUse(a.campaign(), a.owner(), a.month()).subtract(amount));
        if (a.beneficiary() != null) {
            beneficiaryUse(
                    a.campaign(),
                    a.beneficiary(),
                    a.month(),
                    beneficiaryUse(a.campaign(), a.beneficiary(), a.month()).subtract(amount));
        }
    }
}
