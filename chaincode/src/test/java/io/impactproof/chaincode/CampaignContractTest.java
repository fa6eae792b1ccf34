package io.impactproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.model.Actions;
import io.impactproof.model.campaign.Allocation;
import io.impactproof.model.campaign.AllocationStatus;
import io.impactproof.model.campaign.Campaign;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.CertificateStatus;
import io.impactproof.model.certificate.Movement;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Pre-finance campaigns: every rule of allocation, payment, settlement and pay on proof, on the ledger. */
class CampaignContractTest extends ContractTest {
    private static final String CARGO = "cargo-bike-delivery";
    private int deliveries;

    /** An ACTIVE cargo-bike certificate of 11.58 kWh cumac whose claim states a bonus of 6.00 EUR (3 rural parcels). */
    private CertificateRecord delivery(final SigningKey owner, final String org) {
        return r.certified(owner, org, CARGO, TestRegistry.delivery("CAMP-" + ++deliveries), "11.58");
    }

    private static ObjectNode campaign(final String id, final String budget, final Consumer<ObjectNode> terms) {
        final ObjectNode args =
                Json.object().put("id", id).put("title", "Campaign " + id).put("budget", budget);
        args.putObject("eligibility").putArray("protocols").addObject().put("id", CARGO);
        terms.accept(args.putObject("terms"));
        return args;
    }

    private static Consumer<ObjectNode> bonus() {
        return t -> t.put("amount", "bonus_eur").put("capPerClaim", "10.00");
    }

    private static Consumer<ObjectNode> rate(final String rate) {
        return t -> t.put("rate", rate);
    }

    private Campaign open(final ObjectNode args) {
        return r.client().openCampaign(sign(r.financer, Actions.OPEN_CAMPAIGN, args));
    }

    private String sign(final SigningKey by, final String action, final ObjectNode args) {
        r.clock.advance(Duration.ofSeconds(1));
        return r.sign(by, action, args);
    }

    private Allocation apply(
            final SigningKey by, final String campaign, final CertificateRecord c, final boolean partial) {
        return r.client(by == r.owner2 ? TestRegistry.ORG2 : TestRegistry.ORG1)
                .apply(sign(
                        by,
                        Actions.APPLY,
                        Json.object()
                                .put("campaign", campaign)
                                .put("serial", c.serial())
                                .put("acceptPartial", partial)));
    }

    private Allocation apply(final String campaign, final CertificateRecord c) {
        return apply(r.owner, campaign, c, false);
    }

    private Allocation pay(final String campaign, final CertificateRecord c, final String amount) {
        return r.client()
                .pay(sign(
                        r.financer,
                        Actions.PAY,
                        Json.object()
                                .put("campaign", campaign)
                                .put("serial", c.serial())
                                .put("amount", amount)
                                .put("reference", "SEPA-" + amount)
                                .put("paidOn", "2026-04-02")));
    }

    private void status(final String action, final CertificateRecord c) {
        final String instruction = sign(
                r.validator, action, Json.object().put("serial", c.serial()).put("reason", "fraud inquiry"));
        switch (action) {
            case Actions.SUSPEND -> r.client().suspend(instruction);
            case Actions.REINSTATE -> r.client().reinstate(instruction);
            default -> r.client().revoke(instruction);
        }
    }

    @Test
    void the_protocol_bonus_is_allocated_and_the_payment_moves_the_certificate_to_the_financer() {
        open(campaign("colis", "100.00", bonus()));
        final CertificateRecord c = delivery(r.owner, TestRegistry.ORG1);

        final Allocation allocation = apply("colis", c);

        assertThat(allocation.amount()).isEqualTo("6.00");
        assertThat(allocation.outcome()).isEqualTo(Allocation.FULL);
        assertThat(allocation.payable()).isEqualTo("6.00");
        assertThat(allocation.status()).isEqualTo(AllocationStatus.ALLOCATED);
        assertThat(allocation.month()).isEqualTo("2026-03");
        assertThat(r.client().funding(c.serial()).campaign()).isEqualTo("colis");
        // The units are promised to the financer: the owner cannot sell them elsewhere meanwhile.
        r.assertRefused(
                () -> r.client()
                        .transfer(sign(
                                r.owner,
                                Actions.TRANSFER,
                                Json.object().put("serial", c.serial()).put("to", r.owner2.did()))),
                "CERTIFICATE_COMMITTED");

        final Allocation part = pay("colis", c, "2.50");
        assertThat(part.status()).isEqualTo(AllocationStatus.ALLOCATED);
        assertThat(r.certificate(c.serial()).holder()).isEqualTo(r.owner.did());
        final Allocation settled = pay("colis", c, "3.50");

        assertThat(settled.status()).isEqualTo(AllocationStatus.SETTLED);
        assertThat(settled.paid()).isEqualTo("6.00");
        assertThat(settled.payments()).extracting(p -> p.reference()).containsExactly("SEPA-2.50", "SEPA-3.50");
        final CertificateRecord moved = r.certificate(c.serial());
        assertThat(moved.holder()).isEqualTo(r.financer.did());
        assertThat(moved.status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(r.client().history(c.serial()))
                .extracting(Movement::kind, Movement::note)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "issued", r.claimRecord(c.claim()).id()),
                        org.assertj.core.groups.Tuple.tuple("transferred", "settled by campaign colis"));
        final Campaign campaign = r.client().campaign("colis");
        assertThat(campaign.allocated()).isEqualTo("6.00");
        assertThat(campaign.paid()).isEqualTo("6.00");
        assertThat(campaign.remaining()).isEqualByComparingTo("94.00");
        r.assertRefused(() -> pay("colis", c, "0.01"), "ALLOCATION_STATE_INVALID");
    }

    @Test
    void a_rate_per_unit_is_rounded_down_to_the_cent_and_capped_per_claim_and_per_owner_month() {
        open(campaign("rate", "1000.00", t -> t.put("rate", "0.999").put("capPerClaim", "11.00")));
        final ObjectNode monthly = campaign("monthly", "1000.00", rate("1"));
        ((ObjectNode) monthly.get("terms")).put("capPerOwnerMonth", "15.00");
        open(monthly);

        final Allocation capped = apply("rate", delivery(r.owner, TestRegistry.ORG1));
        assertThat(capped.due()).isEqualTo("11.56"); // 11.58 × 0.999 = 11.568…, rounded down
        assertThat(capped.amount()).isEqualTo("11.00");
        assertThat(capped.outcome()).isEqualTo(Allocation.CAPPED);

        assertThat(apply("monthly", delivery(r.owner, TestRegistry.ORG1)).amount())
                .isEqualTo("11.58");
        final Allocation rest = apply("monthly", delivery(r.owner, TestRegistry.ORG1));
        assertThat(rest.amount()).isEqualTo("3.42");
        assertThat(rest.outcome()).isEqualTo(Allocation.CAPPED);
        final CertificateRecord third = delivery(r.owner, TestRegistry.ORG1);
        r.assertRefused(() -> apply("monthly", third), "CAP_REACHED");
        assertThat(r.client().account("monthly", r.owner.did()).allocated()).isEqualTo("15.00");
    }

    @Test
    void the_budget_is_never_exceeded_and_a_partial_allocation_needs_the_holders_consent() {
        open(campaign("small", "15.00", rate("1")));
        assertThat(apply("small", delivery(r.owner, TestRegistry.ORG1)).amount())
                .isEqualTo("11.58");
        final CertificateRecord second = delivery(r.owner, TestRegistry.ORG1);

        r.assertRefused(() -> apply("small", second), "BUDGET_EXHAUSTED");
        final Allocation partial = apply(r.owner, "small", second, true);

        assertThat(partial.amount()).isEqualTo("3.42");
        assertThat(partial.due()).isEqualTo("11.58");
        assertThat(partial.outcome()).isEqualTo(Allocation.PARTIAL);
        final CertificateRecord third = delivery(r.owner, TestRegistry.ORG1);
        r.assertRefused(() -> apply(r.owner, "small", third, true), "BUDGET_EXHAUSTED");
        assertThat(r.client().campaign("small").remaining()).isEqualByComparingTo("0");
    }

    @Test
    void concurrent_applications_never_exceed_the_budget() throws Exception {
        open(campaign("race", "50.00", rate("1")));
        final List<CertificateRecord> certificates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            certificates.add(delivery(r.owner, TestRegistry.ORG1));
        }
        final List<String> instructions = new ArrayList<>();
        for (final CertificateRecord c : certificates) {
            instructions.add(sign(
                    r.owner,
                    Actions.APPLY,
                    Json.object().put("campaign", "race").put("serial", c.serial())));
        }
        final ExecutorService pool = Executors.newFixedThreadPool(8);
        final List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (final String instruction : instructions) {
                outcomes.add(pool.submit(() -> {
                    try {
                        return r.client().apply(instruction).amount();
                    } catch (TransactionRefused e) {
                        return e.code();
                    }
                }));
            }
            final List<String> results = new ArrayList<>();
            for (final Future<String> f : outcomes) {
                results.add(f.get());
            }
            // 4 × 11.58 = 46.32 fits in 50.00; a fifth would not.
            assertThat(results).filteredOn("11.58"::equals).hasSize(4);
            assertThat(results).filteredOn("BUDGET_EXHAUSTED"::equals).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
        final List<Allocation> allocations = r.client().allocations("race");
        final BigDecimal sum =
                allocations.stream().map(a -> new BigDecimal(a.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(r.client().campaign("race").allocated());
        assertThat(sum).isLessThanOrEqualTo(new BigDecimal("50.00"));
        assertThat(r.client().campaign("race").allocations()).isEqualTo(4);
    }

    @Test
    void a_certificate_outside_the_eligibility_is_refused_and_nothing_changes() {
        final ObjectNode versions = campaign("v2", "100.00", rate("1"));
        ((ObjectNode) versions.at("/eligibility/protocols/0")).put("from", "2.0.0");
        open(versions);
        final ObjectNode proof = campaign("verified-only", "100.00", rate("1"));
        ((ObjectNode) proof.get("eligibility")).put("minProofLevel", "verified");
        open(proof);
        final ObjectNode org2 = campaign("org2-only", "100.00", rate("1"));
        ((ObjectNode) org2.get("eligibility")).putArray("organisations").add(TestRegistry.ORG2);
        open(org2);
        final ObjectNode period = campaign("april", "100.00", rate("1"));
        ((ObjectNode) period.get("eligibility")).put("periodStart", "2026-04-01");
        open(period);
        final ObjectNode owners = campaign("owner2-only", "100.00", rate("1"));
        ((ObjectNode) owners.get("eligibility")).putArray("owners").add(r.owner2.did());
        open(owners);
        final ObjectNode energy =
                Json.object().put("id", "energy").put("title", "energy").put("budget", "9.00");
        energy.putObject("eligibility").putArray("categories").add("avoided-emissions");
        energy.putObject("terms").put("rate", "1");
        open(energy);
        final CertificateRecord c = delivery(r.owner, TestRegistry.ORG1);

        for (final String id : List.of("v2", "verified-only", "org2-only", "april", "owner2-only", "energy")) {
            r.assertRefused(() -> apply(id, c), "CAMPAIGN_INELIGIBLE");
        }
        assertThat(r.client().campaigns())
                .allSatisfy(k -> assertThat(k.allocations()).isZero());
        r.assertRefused(() -> r.client().funding(c.serial()), "ALLOCATION_NOT_FOUND");
        assertThat(apply(r.owner2, "org2-only", delivery(r.owner2, TestRegistry.ORG2), false)
                        .amount())
                .isEqualTo("11.58");
    }

    @Test
    void a_certificate_is_funded_once_across_campaigns_but_its_lots_split_before_funding_are_funded_apart() {
        open(campaign("a", "100.00", bonus()));
        open(campaign("b", "100.00", bonus()));
        final CertificateRecord c = delivery(r.owner, TestRegistry.ORG1);
        apply("a", c);
        r.assertRefused(() -> apply("b", c), "ALREADY_FUNDED");
        r.assertRefused(() -> apply("a", c), "ALREADY_FUNDED");

        final CertificateRecord whole = delivery(r.owner, TestRegistry.ORG1);
        final ObjectNode split = Json.object().put("serial", whole.serial());
        split.putArray("quantities").add("5.79").add("5.79");
        final List<CertificateRecord> lots = r.client().split(sign(r.owner, Actions.SPLIT, split));
        final Allocation first = apply("a", lots.get(0));
        final Allocation second = apply("b", lots.get(1));

        assertThat(first.amount()).isEqualTo("3.00"); // half of the claim's 6.00 bonus
        assertThat(second.amount()).isEqualTo("3.00");
        r.assertRefused(() -> apply("b", lots.get(0)), "ALREADY_FUNDED");
    }

    @Test
    void a_settled_certificate_split_by_the_financer_is_never_funded_again() {
        open(campaign("a", "100.00", bonus()));
        final CertificateRecord c = delivery(r.owner, TestRegistry.ORG1);
        apply("a", c);
        pay("a", c, "6.00");
        final ObjectNode split = Json.object().put("serial", c.serial());
        split.putArray("quantities").add("5.79").add("5.79");
        final List<CertificateRecord> lots = r.client().split(sign(r.financer, Actions.SPLIT, split));
        r.assertRefused(() -> apply(r.financer, "a", lots.get(0), false), "CAMPAIGN_INELIGIBLE");
        // Even back in its producer's hands, a lot of a funded certificate is not funded again.
        r.client()
                .transfer(sign(
                        r.financer,
                        Actions.TRANSFER,
                        Json.object().put("serial", lots.get(0).serial()).put("to", r.owner.did())));
        open(campaign("b", "100.00", bonus()));

        r.assertRefused(() -> apply("b", lots.get(0)), "ALREADY_FUNDED");
    }

    @Test
    void suspending_freezes_the_allocation_and_reinstating_thaws_it() {
        open(campaign("colis", "100.00", bonus()));
        final CertificateRecord c = delivery(r.owner, TestRegistry.ORG1);
        apply("colis", c);

        status(Actions.SUSPEND, c);

        assertThat(r.client().funding(c.serial()).status()).isEqualTo(AllocationStatus.FROZEN);
        r.assertRefused(() -> pay("colis", c, "6.00"), "ALLOCATION_STATE_INVALID");
        status(Actions.REINSTATE, c);
        assertThat(r.client().funding(c.serial()).status()).isEqualTo(AllocationStatus.ALLOCATED);
        assertThat(pay("colis", c, "6.00").status()).isEqualTo(AllocationStatus.SETTLED);
    }

    @Test
    void revoking_cancels_the_allocation_returns_its_unpaid_amount_and_flags_what_was_paid() {
        open(campaign("colis", "100.00", bonus()));
        final CertificateRecord c = delivery(r.owner, TestRegistry.ORG1);
        apply("colis", c);
        pay("colis", c, "2.00");

        status(Actions.REVOKE, c);

        final Allocation cancelled = r.client().funding(c.serial());
        assertThat(cancelled.status()).isEqualTo(AllocationStatus.CANCELLED);
        assertThat(cancelled.toRecover()).isEqualTo("2.00");
        final Campaign campaign = r.client().campaign("colis");
        assertThat(campaign.allocated()).isEqualTo("0.00");
        assertThat(campaign.toRecover()).isEqualTo("2.00");
        assertThat(campaign.remaining()).isEqualByComparingTo("98.00");
        r.assertRefused(() -> pay("colis", c, "4.00"), "ALLOCATION_STATE_INVALID");
        assertThat(r.client().account("colis", r.owner.did()).allocated()).isEqualTo("0.00");
    }

    @Test
    void an_advance_is_netted_against_the_next_allocations_and_one_that_covers_all_settles_at_once() {
        open(campaign("colis", "100.00", bonus()));
        final ObjectNode advance = Json.object()
                .put("campaign", "colis")
                .put("owner", r.owner.did())
                .put("amount", "8.00")
                .put("reference", "ADV-1")
                .put("paidOn", "2026-03-01");
        assertThat(r.client()
                        .advance(sign(r.financer, Actions.ADVANCE, advance))
                        .outstanding())
                .isEqualTo("8.00");
        assertThat(r.client().campaign("colis").remaining()).isEqualByComparingTo("92.00");

        final CertificateRecord first = delivery(r.owner, TestRegistry.ORG1);
        final Allocation covered = apply("colis", first);
        assertThat(covered.netted()).isEqualTo("6.00");
        assertThat(covered.payable()).isEqualTo("0.00");
        assertThat(covered.status()).isEqualTo(AllocationStatus.SETTLED);
        assertThat(r.certificate(first.serial()).holder()).isEqualTo(r.financer.did());

        final Allocation rest = apply("colis", delivery(r.owner, TestRegistry.ORG1));
        assertThat(rest.netted()).isEqualTo("2.00");
        assertThat(rest.payable()).isEqualTo("4.00");
        assertThat(r.client().account("colis", r.owner.did()).outstanding()).isEqualTo("0.00");
        final Campaign campaign = r.client().campaign("colis");
        assertThat(campaign.allocated()).isEqualTo("12.00");
        assertThat(campaign.advanced()).isEqualTo("0.00");
        assertThat(campaign.paid()).isEqualTo("8.00");
        assertThat(campaign.remaining()).isEqualByComparingTo("88.00");
    }

    @Test
    void a_campaign_that_retires_retires_the_units_for_its_beneficiary_on_payment() {
        open(campaign(
                "cee",
                "100.00",
                t -> t.put("amount", "bonus_eur")
                        .put("settlement", "retire")
                        .put("beneficiary", "Obligated energy supplier SA")
                        .put("purpose", "CEE obligation 2026")));
        final CertificateRecord c = delivery(r.owner, TestRegistry.ORG1);
        apply("cee", c);

        pay("cee", c, "6.00");

        final CertificateRecord retired = r.certificate(c.serial());
        assertThat(retired.status()).isEqualTo(CertificateStatus.RETIRED);
        assertThat(retired.holder()).isEqualTo(r.financer.did());
        assertThat(retired.retirement().beneficiary()).isEqualTo("Obligated energy supplier SA");
        assertThat(retired.retirement().retiredBy()).isEqualTo(r.financer.did());
        assertThat(r.client().history(c.serial())).extracting(Movement::kind).containsExactly("issued", "retired");
        assertThat(r.client().holdings(r.owner.did())).isEmpty();
        assertThat(r.client().holdings(r.financer.did()))
                .extracting(CertificateRecord::serial)
                .containsExactly(c.serial());
    }

    @Test
    void every_refusal_has_its_own_code_and_changes_nothing() {
        r.assertRefused(
                () -> r.client().openCampaign(sign(r.owner, Actions.OPEN_CAMPAIGN, campaign("x", "10.00", bonus()))),
                "WRONG_ROLE");
        r.assertRefused(
                () -> open(campaign("x", "10.00", t -> t.put("rate", "1").put("amount", "bonus_eur"))),
                "ARGUMENT_INVALID");
        r.assertRefused(() -> open(campaign("x", "10.001", bonus())), "ARGUMENT_INVALID");
        r.assertRefused(() -> open(campaign("x", "-1.00", bonus())), "ARGUMENT_INVALID");
        final ObjectNode unknown = campaign("x", "10.00", bonus());
        ((ObjectNode) unknown.get("terms")).put("bonusMultiplier", "2");
        r.assertRefused(() -> open(unknown), "ARGUMENT_INVALID");
        final ObjectNode everything =
                Json.object().put("id", "x").put("title", "x").put("budget", "10.00");
        everything.putObject("eligibility");
        everything.putObject("terms").put("rate", "1");
        r.assertRefused(() -> open(everything), "ARGUMENT_INVALID");
        r.assertRefused(
                () -> open(campaign("x", "10.00", t -> t.put("rate", "1").put("settlement", "retire"))),
                "ARGUMENT_INVALID");
        open(campaign("colis", "10.00", bonus()));
        r.assertRefused(() -> open(campaign("colis", "10.00", bonus())), "CAMPAIGN_EXISTS");
        final CertificateRecord c = delivery(r.owner, TestRegistry.ORG1);
        r.assertRefused(() -> apply("nope", c), "CAMPAIGN_NOT_FOUND");
        r.assertRefused(() -> apply(r.owner2, "colis", c, false), "NOT_HOLDER");
        r.assertRefused(() -> pay("colis", c, "1.00"), "ALLOCATION_NOT_FOUND");
        apply("colis", c);
        r.assertRefused(() -> pay("colis", c, "6.01"), "PAYMENT_EXCEEDS_DUE");
        r.assertRefused(
                () -> r.client()
                        .pay(sign(
                                r.validator,
                                Actions.PAY,
                                Json.object()
                                        .put("campaign", "colis")
                                        .put("serial", c.serial())
                                        .put("amount", "1.00")
                                        .put("reference", "x")
                                        .put("paidOn", "2026-04-02"))),
                "FORBIDDEN");
        final ObjectNode advance = Json.object()
                .put("campaign", "colis")
                .put("owner", r.owner.did())
                .put("amount", "4.01")
                .put("reference", "ADV")
                .put("paidOn", "2026-04-01");
        r.assertRefused(() -> r.client().advance(sign(r.financer, Actions.ADVANCE, advance)), "ADVANCE_EXCEEDS_BUDGET");
        r.client()
                .closeCampaign(
                        sign(r.financer, Actions.CLOSE_CAMPAIGN, Json.object().put("campaign", "colis")));
        final CertificateRecord late = delivery(r.owner, TestRegistry.ORG1);
        r.assertRefused(() -> apply("colis", late), "CAMPAIGN_CLOSED");
        // A closed campaign still pays what it allocated.
        assertThat(pay("colis", c, "6.00").status()).isEqualTo(AllocationStatus.SETTLED);
    }
}
