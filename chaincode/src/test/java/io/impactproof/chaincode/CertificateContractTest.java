package io.impactproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.credentials.vc.VerifiableCredential;
import io.impactproof.model.Actions;
import io.impactproof.model.Transactions;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.CertificateStatus;
import io.impactproof.model.certificate.StatusLists;
import io.impactproof.model.claim.ClaimStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class CertificateContractTest extends ContractTest {
    private static final String CARGO = "cargo-bike-delivery";
    private static final String COMMUTE = "home-to-work-commute";
    private static final String CAMPAIGN = "mobility-campaign-commute";
    private static final String FOREST = "low-carbon-forestry";

    private String verified(final SignedCredential claim, final String protocol, final String value) {
        final String id = r.submitClaims(TestRegistry.ORG1, claim).get(0).id();
        r.attestAll(claim, protocol, value, 3);
        assertThat(r.claimRecord(id).status()).isEqualTo(ClaimStatus.VERIFIED);
        return id;
    }

    @Test
    void the_validator_certifies_a_verified_claim() {
        final SignedCredential claim = r.claim(r.owner, CARGO, TestRegistry.delivery("CB-1"));
        final String id = verified(claim, CARGO, "11.58");

        final CertificateRecord certificate = r.issue(r.validator, id);

        assertThat(certificate.serial())
                .matches("IPC-2026-CBD-[0-9A-F]{10}-1-1158")
                .startsWith("IPC-2026-CBD-" + claim.sha256Hex().substring(0, 10).toUpperCase(java.util.Locale.ROOT));
        assertThat(certificate.quantity()).isEqualTo("11.58");
        assertThat(certificate.unit()).isEqualTo("kWh cumac");
        assertThat(certificate.category()).isEqualTo("final-energy-saved");
        assertThat(certificate.proofLevel()).isEqualTo("calculated");
        assertThat(certificate.producer()).isEqualTo(r.owner.did());
        assertThat(certificate.holder()).isEqualTo(r.owner.did());
        assertThat(certificate.validator()).isEqualTo(r.validator.did());
        assertThat(certificate.claimDigestSRI()).isEqualTo(claim.digestSRI());
        assertThat(certificate.attestations()).hasSize(3);
        assertThat(certificate.status()).isEqualTo(CertificateStatus.ISSUED);
        assertThat(r.claimRecord(id).status()).isEqualTo(ClaimStatus.CERTIFIED);
        assertThat(r.claimRecord(id).certificate()).isEqualTo(certificate.serial());
        assertThat(r.awaiting(r.verifiers.get(4)))
                .as("a verifier who did not attest before certification has nothing left to do")
                .isEmpty();
        assertThat(r.certificate(certificate.serial())).isEqualTo(certificate);
        r.clock.advance(Duration.ofSeconds(1));
        r.assertRefused(() -> r.issue(r.validator, id), "CLAIM_STATE_INVALID");
        r.assertRefused(
                () -> r.attest(r.attestation(claim, r.verifiers.get(4), CARGO, "11.58")), "CLAIM_STATE_INVALID");
    }

    @Test
    void only_a_designated_validator_certifies() {
        final String id = verified(r.claim(r.owner, CARGO, TestRegistry.delivery("CB-2")), CARGO, "11.58");
        final var other = TestRegistry.web("validator.org2.example");
        r.register(TestRegistry.ORG1, r.operator, other, "validator");

        r.assertRefused(() -> r.issue(other, id), "VALIDATOR_NOT_DESIGNATED");
        r.assertRefused(() -> r.issue(r.verifiers.get(0), id), "WRONG_ROLE");
        r.assertRefused(() -> r.issue(r.validator, "urn:uuid:none"), "CLAIM_NOT_FOUND");
    }

    @Test
    void the_same_trip_under_two_protocols_is_certified_once() {
        r.publish(TestRegistry.bundledText("home-to-work-commute-1.1.0.yaml")
                .replace("id: home-to-work-commute", "id: " + CAMPAIGN));
        final SignedCredential fmd = r.claim(r.owner, COMMUTE, TestRegistry.trip("emp-4f1c9a2b", "2026-03-10"));
        final SignedCredential campaign = r.claim(
                r.owner,
                CAMPAIGN,
                TestRegistry.trip("emp-4f1c9a2b", "2026-03-10")
                        .put("mode", "walk")
                        .put("distance_km", 3));
        final String fmdId = verified(fmd, COMMUTE, "2.616");
        r.assertRefused(() -> r.submitClaims(TestRegistry.ORG1, campaign), "ACTIVITY_CLAIMED");

        final CertificateRecord first = r.issue(r.validator, fmdId);

        r.assertRefused(() -> r.submitClaims(TestRegistry.ORG1, campaign), "DOUBLE_COUNTING");
        final SignedCredential third = r.claim(
                r.owner,
                CAMPAIGN,
                TestRegistry.trip("emp-4f1c9a2b", "2026-03-10").put("mode", "e-bike"));
        r.assertRefused(() -> r.submitClaims(TestRegistry.ORG1, third), "DOUBLE_COUNTING");
        assertThat(first.serial()).startsWith("IPC-2026-HTWC-");
        // The return leg of the same day is another activity.
        final String back = verified(
                r.claim(
                        r.owner,
                        CAMPAIGN,
                        TestRegistry.trip("emp-4f1c9a2b", "2026-03-10").put("leg", "return")),
                CAMPAIGN,
                "2.616");
        assertThat(r.issue(r.validator, back).status()).isEqualTo(CertificateStatus.ISSUED);
    }

    @Test
    void overlapping_periods_of_the_same_asset_are_refused() {
        final String first = verified(
                r.claim(r.owner, FOREST, TestRegistry.forestPeriod("2021-01-01", "2022-12-31")), FOREST, "1068.750");
        final String overlapping = verified(
                r.claim(r.owner, FOREST, TestRegistry.forestPeriod("2022-06-01", "2023-12-31")), FOREST, "1068.750");
        final String adjacent = verified(
                r.claim(r.owner, FOREST, TestRegistry.forestPeriod("2023-01-01", "2023-12-31")), FOREST, "1068.750");
        r.issue(r.validator, first);

        r.assertRefused(() -> r.issue(r.validator, overlapping), "PERIOD_OVERLAP");
        assertThat(r.issue(r.validator, adjacent).serial())
                .startsWith("IPC-2023-LCF-")
                .endsWith("-1-1068750");
    }

    @Test
    void the_certificate_credential_must_state_what_the_ledger_recorded() {
        final SignedCredential claim = r.claim(r.owner, CARGO, TestRegistry.delivery("CB-3"));
        final CertificateRecord issued = r.issue(r.validator, verified(claim, CARGO, "11.58"));

        assertMismatch(issued, vc -> vc.withObject("credentialSubject").put("projectOwner", r.owner2.did()));
        assertMismatch(
                issued,
                vc -> ((ObjectNode) vc.withObject("credentialSubject")
                                .withArray("certifiedImpact")
                                .get(0))
                        .put("value", "12.00"));
        assertMismatch(
                issued,
                vc -> vc.withObject("credentialSubject").withObject("protocol").put("digestSRI", "sha384-x"));
        assertMismatch(
                issued,
                vc -> vc.withObject("credentialSubject")
                        .withArray("basedOnAttestation")
                        .remove(0));
        assertMismatch(
                issued, vc -> ((ObjectNode) vc.withArray("credentialStatus").get(0)).put("statusListIndex", "7"));
        final var foreign = VcJwt.sign(credential(issued), r.validator, r.clock.instant());
        r.assertRefused(() -> r.client().attach(List.of(claim)), "TYPE_NOT_EXPECTED");
        final ObjectNode elsewhere = credential(issued).toJson();
        elsewhere.withObject("credentialSubject").put("serial", "IPC-none");
        r.assertRefused(
                () -> r.client()
                        .attach(List.of(
                                VcJwt.sign(VerifiableCredential.fromJson(elsewhere), r.validator, r.clock.instant()))),
                "CERTIFICATE_NOT_FOUND");

        final var attached = r.client().attach(List.of(foreign)).get(0);

        assertThat(attached.status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(attached.credentialDigestSRI()).isEqualTo(foreign.digestSRI());
        assertThat(attached.credentialDigest()).isEqualTo(foreign.sha256Hex());
        r.assertRefused(() -> r.client().attach(List.of(foreign)), "CERTIFICATE_STATE_INVALID");
    }

    @Test
    void what_is_not_a_compact_jws_or_not_validly_signed_is_refused_as_such() {
        final CertificateRecord issued =
                r.issue(r.validator, verified(r.claim(r.owner, CARGO, TestRegistry.delivery("CB-5")), CARGO, "11.58"));
        final SignedCredential good = VcJwt.sign(credential(issued), r.validator, r.clock.instant());
        final String[] parts = good.compact().split("\\.");
        final String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        r.assertRefused(() -> attachRaw(List.of("not-a-jws")), "ARGUMENT_INVALID");
        r.assertRefused(() -> attachRaw(List.of(forged)), "SIGNATURE_INVALID");
        r.assertRefused(() -> attachRaw(List.of(good.compact(), "not-a-jws")), "ARGUMENT_INVALID");
        // Invalid UTF-8 in the transient batch is not JSON.
        r.assertRefused(
                () -> r.port(TestRegistry.ORG1)
                        .submit(
                                Transactions.CERTIFICATES_ATTACH,
                                List.of(),
                                Map.of(Transactions.TRANSIENT_CERTIFICATES, new byte[] {'[', '"', (byte) 0xC3, '"', ']'
                                })),
                "ARGUMENT_INVALID");

        assertThat(attachRaw(List.of(good.compact()))).contains(issued.serial());
    }

    private String attachRaw(final List<String> compacts) {
        return new String(
                r.submitTransient(
                        TestRegistry.ORG1,
                        Transactions.CERTIFICATES_ATTACH,
                        Transactions.TRANSIENT_CERTIFICATES,
                        Json.write(Json.MAPPER.valueToTree(compacts))),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void a_credential_signed_by_someone_else_is_refused() {
        final CertificateRecord issued =
                r.issue(r.validator, verified(r.claim(r.owner, CARGO, TestRegistry.delivery("CB-4")), CARGO, "11.58"));
        final var json = credential(issued).toJson().put("issuer", r.operator.did());

        final var byOperator = VcJwt.sign(VerifiableCredential.fromJson(json), r.operator, r.clock.instant());

        r.assertRefused(() -> r.client().attach(List.of(byOperator)), "VALIDATOR_NOT_DESIGNATED");
    }

    @Test
    void suspension_reinstatement_and_revocation_follow_the_state_machine_and_set_status_bits() {
        final CertificateRecord issued =
                r.issue(r.validator, verified(r.claim(r.owner, CARGO, TestRegistry.delivery("CB-5")), CARGO, "11.58"));
        final String serial = issued.serial();
        r.client().attach(List.of(VcJwt.sign(credential(issued), r.validator, r.clock.instant())));
        final String list = Long.toString(StatusLists.list(issued.statusIndex()));
        final List<Long> bit = List.of(StatusLists.index(issued.statusIndex()));

        status(Actions.SUSPEND, serial, "audit of the carrier");
        assertThat(r.certificate(serial).status()).isEqualTo(CertificateStatus.SUSPENDED);
        assertThat(r.certificate(serial).reason()).isEqualTo("audit of the carrier");
        assertThat(r.client().statusBits(StatusLists.SUSPENSION, Long.parseLong(list)))
                .isEqualTo(bit);
        r.assertRefused(() -> status(Actions.SUSPEND, serial, "again"), "CERTIFICATE_STATE_INVALID");

        status(Actions.REINSTATE, serial, "audit passed");
        assertThat(r.certificate(serial).status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(r.client().statusBits(StatusLists.SUSPENSION, Long.parseLong(list)))
                .isEmpty();

        r.assertRefused(
                () -> r.client(TestRegistry.ORG1)
                        .revoke(r.sign(
                                r.owner,
                                Actions.REVOKE,
                                Json.object().put("serial", serial).put("reason", "x"))),
                "WRONG_ROLE");
        status(Actions.REVOKE, serial, "fraud: deliveries were made by van");
        assertThat(r.certificate(serial).status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(r.client().statusBits(StatusLists.REVOCATION, Long.parseLong(list)))
                .isEqualTo(bit);
        r.assertRefused(() -> status(Actions.REINSTATE, serial, "no"), "CERTIFICATE_STATE_INVALID");
        r.assertRefused(() -> status(Actions.SUSPEND, serial, "no"), "CERTIFICATE_STATE_INVALID");
        r.assertRefused(() -> r.client().certificate("IPC-none"), "CERTIFICATE_NOT_FOUND");
    }

    @Test
    void status_indexes_are_distinct_and_in_the_lists_of_the_day_of_issue() {
        final CertificateRecord a =
                r.issue(r.validator, verified(r.claim(r.owner, CARGO, TestRegistry.delivery("CB-6")), CARGO, "11.58"));
        final CertificateRecord b =
                r.issue(r.validator, verified(r.claim(r.owner, CARGO, TestRegistry.delivery("CB-7")), CARGO, "11.58"));

        final long day = TestRegistry.START
                .atOffset(java.time.ZoneOffset.UTC)
                .toLocalDate()
                .toEpochDay();
        assertThat(a.statusIndex()).isNotEqualTo(b.statusIndex());
        for (final long index : List.of(a.statusIndex(), b.statusIndex())) {
            assertThat(index / StatusLists.SLOTS_PER_DAY).isEqualTo(day);
        }
    }

    @Test
    void two_issues_write_no_common_key_so_concurrent_ones_do_not_conflict() {
        final String a = verified(r.claim(r.owner, CARGO, TestRegistry.delivery("CB-20")), CARGO, "11.58");
        final String b = verified(r.claim(r.owner, CARGO, TestRegistry.delivery("CB-21")), CARGO, "11.58");

        r.issue(r.validator, a);
        r.issue(r.validator, b);

        final var blocks = r.ledger.blocks();
        final var first = blocks.get(blocks.size() - 2).writtenKeys();
        final var second = blocks.get(blocks.size() - 1).writtenKeys();
        assertThat(first).isNotEmpty();
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
    }

    @Test
    void certificates_are_issued_and_activated_in_atomic_batches() {
        final String a = verified(r.claim(r.owner, CARGO, TestRegistry.delivery("CB-8")), CARGO, "11.58");
        final String b = verified(r.claim(r.owner, CARGO, TestRegistry.delivery("CB-9")), CARGO, "11.58");
        final String pending = r.submitClaims(
                        TestRegistry.ORG1, r.claim(r.owner, CARGO, TestRegistry.delivery("CB-10")))
                .get(0)
                .id();
        final var args = Json.object();
        args.putArray("claims").add(a).add(pending);
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).issue(r.sign(r.validator, Actions.ISSUE, args)),
                "QUORUM_NOT_REACHED");
        r.clock.advance(Duration.ofSeconds(1));
        args.putArray("claims").add(a).add(b);

        final List<CertificateRecord> issued =
                r.client(TestRegistry.ORG1).issue(r.sign(r.validator, Actions.ISSUE, args));
        final List<CertificateRecord> active = r.client()
                .attach(issued.stream()
                        .map(c -> VcJwt.sign(credential(c), r.validator, r.clock.instant()))
                        .toList());

        assertThat(issued).extracting(CertificateRecord::claim).containsExactly(a, b);
        assertThat(active).extracting(CertificateRecord::status).containsOnly(CertificateStatus.ACTIVE);
        r.assertRefused(
                () -> r.submitTransient(
                        TestRegistry.ORG1,
                        Transactions.CERTIFICATES_ATTACH,
                        Transactions.TRANSIENT_CERTIFICATES,
                        "[\"x\"]"),
                "ARGUMENT_INVALID");
        r.assertRefused(
                () -> r.submitTransient(
                        TestRegistry.ORG1,
                        Transactions.CERTIFICATES_ATTACH,
                        Transactions.TRANSIENT_CERTIFICATES,
                        "[\"a.e30.c\"]"),
                "MALFORMED_JWT");
        args.putArray("claims");
        r.clock.advance(Duration.ofSeconds(1));
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).issue(r.sign(r.validator, Actions.ISSUE, args)), "ARGUMENT_INVALID");
    }

    private void status(final String action, final String serial, final String reason) {
        r.clock.advance(Duration.ofSeconds(1));
        final String instruction =
                r.sign(r.validator, action, Json.object().put("serial", serial).put("reason", reason));
        switch (action) {
            case Actions.SUSPEND -> r.client().suspend(instruction);
            case Actions.REINSTATE -> r.client().reinstate(instruction);
            case Actions.REVOKE -> r.client().revoke(instruction);
            default -> throw new IllegalArgumentException(action);
        }
    }

    private VerifiableCredential credential(final CertificateRecord record) {
        return ImpactCredentials.certificate(
                record,
                r.protocol(record.protocol().substring(0, record.protocol().indexOf('@'))),
                TestRegistry.BASE_URL,
                TestRegistry.BASE_URL + "/credentials/claim/jwt",
                record.attestations().stream()
                        .map(a -> TestRegistry.BASE_URL + "/credentials/" + a.verifier() + "/jwt")
                        .toList(),
                r.claimRecord(record.claim()).evidence().stream()
                        .map(sri -> Json.object().put("type", "Evidence").put("digestSRI", sri))
                        .toList(),
                r.clock.instant());
    }

    private void assertMismatch(final CertificateRecord issued, final Consumer<ObjectNode> change) {
        final ObjectNode json = credential(issued).toJson();
        change.accept(json);
        final var signed = VcJwt.sign(VerifiableCredential.fromJson(json), r.validator, r.clock.instant());
        r.assertRefused(() -> r.client().attach(List.of(signed)), "CERTIFICATE_MISMATCH");
    }
}
