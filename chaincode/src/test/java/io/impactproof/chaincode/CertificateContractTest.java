package io.impactproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.chaincode.certificate.CertificateRecord;
import io.impactproof.chaincode.certificate.CertificateStatus;
import io.impactproof.chaincode.claim.ClaimStatus;
import io.impactproof.chaincode.core.LedgerJson;
import io.impactproof.client.Credentials;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.credentials.vc.VerifiableCredential;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class CertificateContractTest {
    private static final String CARGO = "cargo-bike-delivery";
    private static final String COMMUTE = "home-to-work-commute";
    private static final String CAMPAIGN = "mobility-campaign-commute";
    private static final String FOREST = "low-carbon-forestry";

    @TempDir
    Path dir;

    private Registry r;

    @BeforeEach
    void setUp() {
        r = Registry.populated(dir);
    }

    @AfterEach
    void tearDown() {
        r.close();
    }

    private String verified(final SignedCredential claim, final String protocol, final String value) {
        final String id = r.submitClaims(Registry.ORG1, claim).get(0).id();
        r.attestAll(claim, protocol, value, 3);
        assertThat(r.claimRecord(id).status()).isEqualTo(ClaimStatus.VERIFIED);
        return id;
    }

    @Test
    void the_validator_certifies_a_verified_claim() {
        final SignedCredential claim = r.claim(r.owner, CARGO, Registry.delivery("CB-1"));
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
        assertThat(certificate.statusIndex()).isZero();
        assertThat(r.claimRecord(id).status()).isEqualTo(ClaimStatus.CERTIFIED);
        assertThat(r.claimRecord(id).certificate()).isEqualTo(certificate.serial());
        assertThat(r.certificate(certificate.serial())).isEqualTo(certificate);
        r.clock.advance(Duration.ofSeconds(1));
        r.assertRefused(() -> r.issue(r.validator, id), "CLAIM_STATE_INVALID");
        r.assertRefused(
                () -> r.attest(r.attestation(claim, r.verifiers.get(4), CARGO, "11.58")), "CLAIM_STATE_INVALID");
    }

    @Test
    void only_a_designated_validator_certifies() {
        final String id = verified(r.claim(r.owner, CARGO, Registry.delivery("CB-2")), CARGO, "11.58");
        final var other = Registry.web("validator.org2.example");
        r.register(Registry.ORG1, r.operator, other, "validator");

        r.assertRefused(() -> r.issue(other, id), "VALIDATOR_NOT_DESIGNATED");
        r.assertRefused(() -> r.issue(r.verifiers.get(0), id), "WRONG_ROLE");
        r.assertRefused(() -> r.issue(r.validator, "urn:uuid:none"), "CLAIM_NOT_FOUND");
    }

    @Test
    void the_same_trip_under_two_protocols_is_certified_once() {
        r.publish(Registry.bundledText("home-to-work-commute-1.0.0.yaml")
                .replace("id: home-to-work-commute", "id: " + CAMPAIGN));
        final SignedCredential fmd = r.claim(r.owner, COMMUTE, Registry.trip("emp-4f1c9a2b", "2026-03-10"));
        final SignedCredential campaign = r.claim(
                r.owner,
                CAMPAIGN,
                Registry.trip("emp-4f1c9a2b", "2026-03-10").put("mode", "walk").put("distance_km", 3));
        final String fmdId = verified(fmd, COMMUTE, "2.616");
        final String campaignId = verified(campaign, CAMPAIGN, "0.654");
        assertThat(r.claimRecord(fmdId).uniquenessKey())
                .isEqualTo(r.claimRecord(campaignId).uniquenessKey());

        final CertificateRecord first = r.issue(r.validator, fmdId);

        r.assertRefused(() -> r.issue(r.validator, campaignId), "DOUBLE_COUNTING");
        final SignedCredential third = r.claim(
                r.owner, CAMPAIGN, Registry.trip("emp-4f1c9a2b", "2026-03-10").put("mode", "e-bike"));
        r.assertRefused(() -> r.submitClaims(Registry.ORG1, third), "DOUBLE_COUNTING");
        assertThat(r.claimRecord(campaignId).status()).isEqualTo(ClaimStatus.VERIFIED);
        assertThat(first.serial()).startsWith("IPC-2026-HTWC-");
        // The return leg of the same day is another activity.
        final String back = verified(
                r.claim(
                        r.owner,
                        CAMPAIGN,
                        Registry.trip("emp-4f1c9a2b", "2026-03-10").put("leg", "return")),
                CAMPAIGN,
                "2.616");
        assertThat(r.issue(r.validator, back).status()).isEqualTo(CertificateStatus.ISSUED);
    }

    @Test
    void overlapping_periods_of_the_same_asset_are_refused() {
        final String first = verified(
                r.claim(r.owner, FOREST, Registry.forestPeriod("2021-01-01", "2022-12-31")), FOREST, "1068.750");
        final String overlapping = verified(
                r.claim(r.owner, FOREST, Registry.forestPeriod("2022-06-01", "2023-12-31")), FOREST, "1068.750");
        final String adjacent = verified(
                r.claim(r.owner, FOREST, Registry.forestPeriod("2023-01-01", "2023-12-31")), FOREST, "1068.750");
        r.issue(r.validator, first);

        r.assertRefused(() -> r.issue(r.validator, overlapping), "PERIOD_OVERLAP");
        assertThat(r.issue(r.validator, adjacent).serial())
                .startsWith("IPC-2023-LCF-")
                .endsWith("-1-1068750");
    }

    @Test
    void the_certificate_credential_must_state_what_the_ledger_recorded() {
        final SignedCredential claim = r.claim(r.owner, CARGO, Registry.delivery("CB-3"));
        final CertificateRecord issued = r.issue(r.validator, verified(claim, CARGO, "11.58"));

        assertMismatch(issued, vc -> vc.withObject("credentialSubject").put("serial", "IPC-0000"));
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
        r.assertRefused(
                () -> r.submitTransient(
                        Registry.ORG1,
                        "certificates:AttachCredential",
                        "certificate",
                        claim.compact(),
                        issued.serial()),
                "TYPE_NOT_EXPECTED");
        r.assertRefused(
                () -> r.submitTransient(
                        Registry.ORG1, "certificates:AttachCredential", "certificate", foreign.compact(), "IPC-none"),
                "CERTIFICATE_NOT_FOUND");

        final var attached = LedgerJson.read(
                r.submitTransient(
                                Registry.ORG1,
                                "certificates:AttachCredential",
                                "certificate",
                                foreign.compact(),
                                issued.serial())
                        .payload(),
                CertificateRecord.class);

        assertThat(attached.status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(attached.credentialDigestSRI()).isEqualTo(foreign.digestSRI());
        r.assertRefused(
                () -> r.submitTransient(
                        Registry.ORG1,
                        "certificates:AttachCredential",
                        "certificate",
                        foreign.compact(),
                        issued.serial()),
                "CERTIFICATE_STATE_INVALID");
    }

    @Test
    void a_credential_signed_by_someone_else_is_refused() {
        final CertificateRecord issued =
                r.issue(r.validator, verified(r.claim(r.owner, CARGO, Registry.delivery("CB-4")), CARGO, "11.58"));
        final var json = credential(issued).toJson().put("issuer", r.operator.did());

        final var byOperator = VcJwt.sign(VerifiableCredential.fromJson(json), r.operator, r.clock.instant());

        r.assertRefused(
                () -> r.submitTransient(
                        Registry.ORG1,
                        "certificates:AttachCredential",
                        "certificate",
                        byOperator.compact(),
                        issued.serial()),
                "FORBIDDEN");
    }

    @Test
    void suspension_reinstatement_and_revocation_follow_the_state_machine_and_set_status_bits() {
        final CertificateRecord issued =
                r.issue(r.validator, verified(r.claim(r.owner, CARGO, Registry.delivery("CB-5")), CARGO, "11.58"));
        final String serial = issued.serial();
        r.submitTransient(
                Registry.ORG1,
                "certificates:AttachCredential",
                "certificate",
                VcJwt.sign(credential(issued), r.validator, r.clock.instant()).compact(),
                serial);

        status("certificates:Suspend", "certificates.suspend", serial, "audit of the carrier");
        assertThat(r.certificate(serial).status()).isEqualTo(CertificateStatus.SUSPENDED);
        assertThat(r.certificate(serial).reason()).isEqualTo("audit of the carrier");
        assertThat(r.evaluate("certificates:StatusBits", "suspension", "0")).isEqualTo("[0]");
        r.assertRefused(
                () -> status("certificates:Suspend", "certificates.suspend", serial, "again"),
                "CERTIFICATE_STATE_INVALID");

        status("certificates:Reinstate", "certificates.reinstate", serial, "audit passed");
        assertThat(r.certificate(serial).status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(r.evaluate("certificates:StatusBits", "suspension", "0")).isEqualTo("[]");

        r.assertRefused(
                () -> r.submit(
                        Registry.ORG1,
                        "certificates:Revoke",
                        r.sign(
                                r.owner,
                                "certificates.revoke",
                                Json.object().put("serial", serial).put("reason", "x"))),
                "WRONG_ROLE");
        status("certificates:Revoke", "certificates.revoke", serial, "fraud: deliveries were made by van");
        assertThat(r.certificate(serial).status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(r.evaluate("certificates:StatusBits", "revocation", "0")).isEqualTo("[0]");
        r.assertRefused(
                () -> status("certificates:Reinstate", "certificates.reinstate", serial, "no"),
                "CERTIFICATE_STATE_INVALID");
        r.assertRefused(
                () -> status("certificates:Suspend", "certificates.suspend", serial, "no"),
                "CERTIFICATE_STATE_INVALID");
        r.assertRefused(() -> r.evaluate("certificates:Get", "IPC-none"), "CERTIFICATE_NOT_FOUND");
    }

    @Test
    void status_indexes_are_allocated_in_sequence() {
        final CertificateRecord a =
                r.issue(r.validator, verified(r.claim(r.owner, CARGO, Registry.delivery("CB-6")), CARGO, "11.58"));
        final CertificateRecord b =
                r.issue(r.validator, verified(r.claim(r.owner, CARGO, Registry.delivery("CB-7")), CARGO, "11.58"));

        assertThat(List.of(a.statusIndex(), b.statusIndex())).containsExactly(0L, 1L);
    }

    @Test
    void certificates_are_issued_and_activated_in_atomic_batches() {
        final String a = verified(r.claim(r.owner, CARGO, Registry.delivery("CB-8")), CARGO, "11.58");
        final String b = verified(r.claim(r.owner, CARGO, Registry.delivery("CB-9")), CARGO, "11.58");
        final String pending = r.submitClaims(Registry.ORG1, r.claim(r.owner, CARGO, Registry.delivery("CB-10")))
                .get(0)
                .id();
        final var args = Json.object();
        args.putArray("claims").add(a).add(pending);
        r.assertRefused(
                () -> r.submit(Registry.ORG1, "certificates:Issue", r.sign(r.validator, "certificates.issue", args)),
                "QUORUM_NOT_REACHED");
        r.clock.advance(Duration.ofSeconds(1));
        args.putArray("claims").add(a).add(b);

        final List<CertificateRecord> issued = LedgerJson.readList(
                r.submit(Registry.ORG1, "certificates:Issue", r.sign(r.validator, "certificates.issue", args))
                        .getBytes(StandardCharsets.UTF_8),
                CertificateRecord.class);
        final var array = Json.array();
        issued.forEach(c -> array.add(
                VcJwt.sign(credential(c), r.validator, r.clock.instant()).compact()));
        final List<CertificateRecord> active = LedgerJson.readList(
                r.submitTransient(Registry.ORG1, "certificates:AttachCredentials", "certificates", Json.write(array))
                        .payload(),
                CertificateRecord.class);

        assertThat(issued).extracting(CertificateRecord::claim).containsExactly(a, b);
        assertThat(active).extracting(CertificateRecord::status).containsOnly(CertificateStatus.ACTIVE);
        r.assertRefused(
                () -> r.submitTransient(Registry.ORG1, "certificates:AttachCredentials", "certificates", "[\"x\"]"),
                "ARGUMENT_INVALID");
        r.assertRefused(
                () -> r.submitTransient(
                        Registry.ORG1, "certificates:AttachCredentials", "certificates", "[\"a.e30.c\"]"),
                "CERTIFICATE_NOT_FOUND");
        args.putArray("claims");
        r.clock.advance(Duration.ofSeconds(1));
        r.assertRefused(
                () -> r.submit(Registry.ORG1, "certificates:Issue", r.sign(r.validator, "certificates.issue", args)),
                "ARGUMENT_INVALID");
    }

    private void status(final String function, final String action, final String serial, final String reason) {
        r.clock.advance(Duration.ofSeconds(1));
        r.submit(
                Registry.ORG1,
                function,
                r.sign(r.validator, action, Json.object().put("serial", serial).put("reason", reason)));
    }

    private VerifiableCredential credential(final CertificateRecord record) {
        return Credentials.certificate(
                record,
                r.protocol(record.protocol().substring(0, record.protocol().indexOf('@'))),
                Registry.BASE_URL,
                Registry.BASE_URL + "/credentials/claim/jwt",
                record.attestations().stream()
                        .map(a -> Registry.BASE_URL + "/credentials/" + a.verifier() + "/jwt")
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
        r.assertRefused(
                () -> r.submitTransient(
                        Registry.ORG1,
                        "certificates:AttachCredential",
                        "certificate",
                        signed.compact(),
                        issued.serial()),
                "CERTIFICATE_MISMATCH");
    }
}
