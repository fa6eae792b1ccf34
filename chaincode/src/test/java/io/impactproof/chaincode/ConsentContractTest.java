package io.impactproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.model.Actions;
import io.impactproof.model.campaign.Allocation;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.consent.Consent;
import io.impactproof.model.consent.Subjects;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Employees' monthly consents, signed with their own did:key, enforced when a commute claim is submitted. */
class ConsentContractTest extends ContractTest {
    private static final String COMMUTE = "home-to-work-commute";
    private final SigningKey employee = SigningKey.generateEd25519DidKey();
    private final SigningKey other = SigningKey.generateEd25519DidKey();

    private String subject(final String commuter) {
        return Subjects.digest(r.owner.did(), commuter);
    }

    private SignedCredential consent(
            final SigningKey by, final String commuter, final Instant validUntil, final String... months) {
        return VcJwt.sign(
                ImpactCredentials.consent(
                        "urn:uuid:" + UUID.randomUUID(),
                        by.did(),
                        r.owner.did(),
                        subject(commuter),
                        List.of(months),
                        List.of("trip_date", "leg", "mode", "distance_km", "proof_level"),
                        validUntil,
                        r.clock.instant()),
                by,
                r.clock.instant());
    }

    private List<Consent> give(final SignedCredential... consents) {
        return r.client().giveConsents(List.of(consents));
    }

    /** A commute claim under 1.2.0, whose consent is checked on the ledger. */
    private SignedCredential trip(final String commuter, final String date) {
        final var vc = ImpactCredentials.claim(
                "urn:uuid:" + UUID.randomUUID(),
                r.owner.did(),
                r.client().protocol(COMMUTE, "1.2.0"),
                TestRegistry.trip(commuter, date),
                List.of(),
                r.clock.instant());
        return VcJwt.sign(vc, r.owner, r.clock.instant());
    }

    private List<ClaimRecord> submit(final SignedCredential claim) {
        return r.submitClaims(TestRegistry.ORG1, claim);
    }

    @Test
    void a_claim_needs_the_employees_consent_for_its_month() {
        r.assertRefused(() -> submit(trip("emp-00000001", "2026-04-02")), "CONSENT_MISSING");

        final List<Consent> given = give(consent(employee, "emp-00000001", null, "2026-04", "2026-05"));

        assertThat(given).extracting(Consent::month).containsExactly("2026-04", "2026-05");
        assertThat(given).allSatisfy(c -> assertThat(c.person()).isEqualTo(employee.did()));
        final ClaimRecord record = submit(trip("emp-00000001", "2026-04-02")).get(0);
        assertThat(record.subject()).isEqualTo(subject("emp-00000001"));
        assertThat(record.amounts()).containsEntry("allowance_eur", "3.00");
        r.assertRefused(() -> submit(trip("emp-00000001", "2026-06-02")), "CONSENT_MISSING");
        r.assertRefused(() -> submit(trip("emp-00000002", "2026-04-02")), "CONSENT_MISSING");
        // The older protocol version checks nothing on the ledger: its claims carry no subject.
        final ClaimRecord old = submit(r.claim(r.owner, COMMUTE, TestRegistry.trip("emp-00000003", "2026-04-02")))
                .get(0);
        assertThat(old.subject()).isNull();
        assertThat(r.client().consents(r.owner.did(), subject("emp-00000001"))).hasSize(2);
    }

    @Test
    void an_expired_or_withdrawn_consent_no_longer_lets_claims_in() {
        give(consent(employee, "emp-00000001", r.clock.instant().plus(Duration.ofDays(3)), "2026-04"));
        give(consent(employee, "emp-00000001", null, "2026-05", "2026-06"));
        r.clock.advance(Duration.ofDays(4));

        r.assertRefused(() -> submit(trip("emp-00000001", "2026-04-02")), "CONSENT_EXPIRED");
        final ObjectNode withdraw = Json.object().put("owner", r.owner.did()).put("subject", subject("emp-00000001"));
        withdraw.putArray("months").add("2026-06");
        final List<Consent> withdrawn =
                r.client().withdrawConsents(r.sign(employee, Actions.WITHDRAW_CONSENT, withdraw));
        assertThat(withdrawn.get(0).withdrawnAt()).isNotNull();
        r.assertRefused(() -> submit(trip("emp-00000001", "2026-06-02")), "CONSENT_WITHDRAWN");
        assertThat(submit(trip("emp-00000001", "2026-05-02"))).hasSize(1);

        r.clock.advance(Duration.ofSeconds(1));
        final ObjectNode past = Json.object().put("owner", r.owner.did()).put("subject", subject("emp-00000001"));
        past.putArray("months").add("2026-03");
        r.assertRefused(
                () -> r.client().withdrawConsents(r.sign(employee, Actions.WITHDRAW_CONSENT, past)),
                "ARGUMENT_INVALID");
        r.clock.advance(Duration.ofSeconds(1));
        r.assertRefused(
                () -> r.client().withdrawConsents(r.sign(other, Actions.WITHDRAW_CONSENT, withdraw)),
                "CONSENT_SIGNER_MISMATCH");
    }

    @Test
    void only_the_key_that_enrolled_a_subject_consents_for_it_and_only_to_an_owner() {
        give(consent(employee, "emp-00000001", null, "2026-04"));

        r.assertRefused(() -> give(consent(other, "emp-00000001", null, "2026-05")), "CONSENT_SIGNER_MISMATCH");
        final SignedCredential toNobody = VcJwt.sign(
                ImpactCredentials.consent(
                        "urn:uuid:" + UUID.randomUUID(),
                        employee.did(),
                        r.validator.did(),
                        subject("emp-00000001"),
                        List.of("2026-04"),
                        List.of(),
                        null,
                        r.clock.instant()),
                employee,
                r.clock.instant());
        r.assertRefused(() -> give(toNobody), "WRONG_ROLE");
        // A consent must be signed by a did:key: a did:web would need resolving off the ledger.
        final SignedCredential web = VcJwt.sign(
                ImpactCredentials.consent(
                        "urn:uuid:" + UUID.randomUUID(),
                        r.financer.did(),
                        r.owner.did(),
                        subject("emp-00000009"),
                        List.of("2026-04"),
                        List.of(),
                        null,
                        r.clock.instant()),
                r.financer,
                r.clock.instant());
        r.assertRefused(() -> give(web), "DID_METHOD_UNSUPPORTED");
    }

    @Test
    void an_employer_campaign_caps_each_employee_per_month_and_funds_only_its_employees() {
        final SigningKey employer = SigningKey.generateEd25519DidKey();
        r.register(TestRegistry.ORG1, r.operator, employer, "owner", "financer");
        final SigningKey second = SigningKey.generateEd25519DidKey();
        for (final var person :
                List.of(new Object[] {employee, "emp-00000001"}, new Object[] {second, "emp-00000002"})) {
            final SigningKey key = (SigningKey) person[0];
            r.client()
                    .giveConsents(List.of(VcJwt.sign(
                            ImpactCredentials.consent(
                                    "urn:uuid:" + UUID.randomUUID(),
                                    key.did(),
                                    employer.did(),
                                    Subjects.digest(employer.did(), (String) person[1]),
                                    List.of("2026-04"),
                                    List.of("trip_date", "mode", "distance_km"),
                                    null,
                                    r.clock.instant()),
                            key,
                            r.clock.instant())));
        }
        final ObjectNode open = Json.object()
                .put("id", "fmd-2026")
                .put("title", "Forfait mobilites")
                .put("budget", "500.00");
        open.putObject("eligibility").putArray("beneficiaries").add(Subjects.digest(employer.did(), "emp-00000001"));
        ((ObjectNode) open.get("eligibility"))
                .putArray("protocols")
                .addObject()
                .put("id", COMMUTE)
                .put("from", "1.2.0");
        open.putObject("terms").put("amount", "allowance_eur").put("capPerBeneficiaryMonth", "5.00");
        r.client().openCampaign(r.sign(employer, Actions.OPEN_CAMPAIGN, open));

        final List<CertificateRecord> trips = List.of(
                commute(employer, "emp-00000001", "2026-04-01"),
                commute(employer, "emp-00000001", "2026-04-02"),
                commute(employer, "emp-00000002", "2026-04-01"));
        final Allocation first = apply(employer, trips.get(0));
        final Allocation second2 = apply(employer, trips.get(1));

        assertThat(first.amount()).isEqualTo("3.00");
        assertThat(first.beneficiary()).isEqualTo(Subjects.digest(employer.did(), "emp-00000001"));
        assertThat(second2.amount()).isEqualTo("2.00");
        assertThat(second2.outcome()).isEqualTo(Allocation.CAPPED);
        r.assertRefused(() -> apply(employer, trips.get(2)), "CAMPAIGN_INELIGIBLE");
        // The employer is holder and financer: settling leaves the certificate where it is.
        r.clock.advance(Duration.ofSeconds(1));
        final Allocation paid = r.client()
                .pay(r.sign(
                        employer,
                        Actions.PAY,
                        Json.object()
                                .put("campaign", "fmd-2026")
                                .put("serial", trips.get(0).serial())
                                .put("amount", "3.00")
                                .put("reference", "PAYROLL-2026-04")
                                .put("paidOn", "2026-04-30")));
        assertThat(paid.status().name()).isEqualTo("SETTLED");
        assertThat(r.client().history(trips.get(0).serial()))
                .extracting(m -> m.kind())
                .containsExactly("issued");
    }

    private CertificateRecord commute(final SigningKey employer, final String commuter, final String date) {
        final var vc = ImpactCredentials.claim(
                "urn:uuid:" + UUID.randomUUID(),
                employer.did(),
                r.client().protocol(COMMUTE, "1.2.0"),
                TestRegistry.trip(commuter, date),
                List.of(),
                r.clock.instant());
        final SignedCredential claim = VcJwt.sign(vc, employer, r.clock.instant());
        final String id = r.submitClaims(TestRegistry.ORG1, claim).get(0).id();
        final SignedCredential[] attestations = new SignedCredential[3];
        for (int i = 0; i < 3; i++) {
            attestations[i] = r.attestation(claim, r.verifiers.get(i), r.claimRecord(id), "2.616");
        }
        r.attest(attestations);
        return r.activate(r.issue(r.validator, id));
    }

    private Allocation apply(final SigningKey by, final CertificateRecord c) {
        r.clock.advance(Duration.ofSeconds(1));
        return r.client()
                .apply(r.sign(
                        by,
                        Actions.APPLY,
                        Json.object().put("campaign", "fmd-2026").put("serial", c.serial())));
    }
}
