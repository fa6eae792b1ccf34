package io.impactproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.model.Actions;
import io.impactproof.model.attestation.AttestationRecord;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.claim.ClaimStatus;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttestationContractTest extends ContractTest {
    private static final String CARGO = "cargo-bike-delivery";

    private SignedCredential claim;
    private String id;

    @BeforeEach
    void setUp() {
        claim = r.claim(r.owner, CARGO, TestRegistry.delivery("CB-1"));
        id = r.submitClaims(TestRegistry.ORG1, claim).get(0).id();
    }

    @Test
    void the_quorum_of_agreeing_values_verifies_the_claim_with_the_median() {
        r.attest(r.attestation(claim, r.verifiers.get(0), CARGO, "11.58"));
        assertThat(r.claimRecord(id).status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(r.claimRecord(id).attestations()).isEqualTo(1);

        r.attest(
                r.attestation(claim, r.verifiers.get(1), CARGO, "11.40"),
                r.attestation(claim, r.verifiers.get(2), CARGO, "11.70"));

        final ClaimRecord verified = r.claimRecord(id);
        assertThat(verified.status()).isEqualTo(ClaimStatus.VERIFIED);
        assertThat(verified.fixedValue()).isEqualTo("11.58");
        assertThat(verified.spread()).isEqualTo("0.30");
        final var records = r.client().attestations(id);
        assertThat(records).extracting(AttestationRecord::value).containsExactlyInAnyOrder("11.58", "11.40", "11.70");
        assertThat(r.awaiting(r.verifiers.get(0))).isEmpty();
        assertThat(r.awaiting(r.verifiers.get(4))).extracting(ClaimRecord::id).containsExactly(id);
        assertThat(r.withStatus("VERIFIED")).extracting(ClaimRecord::id).containsExactly(id);
        assertThat(r.withStatus("SUBMITTED")).isEmpty();
    }

    @Test
    void quorum_not_reached_keeps_the_claim_submitted_and_blocks_validation() {
        r.attestAll(claim, CARGO, "11.58", 2);

        assertThat(r.claimRecord(id).status()).isEqualTo(ClaimStatus.SUBMITTED);
        r.assertRefused(() -> r.issue(r.validator, id), "QUORUM_NOT_REACHED");
    }

    @Test
    void divergent_values_open_a_dispute_that_more_verifiers_can_settle() {
        r.attest(
                r.attestation(claim, r.verifiers.get(0), CARGO, "11.58"),
                r.attestation(claim, r.verifiers.get(1), CARGO, "11.40"),
                r.attestation(claim, r.verifiers.get(2), CARGO, "14.00"));
        assertThat(r.claimRecord(id).status()).isEqualTo(ClaimStatus.DISPUTED);
        assertThat(r.claimRecord(id).fixedValue()).isNull();
        r.assertRefused(() -> r.issue(r.validator, id), "CLAIM_STATE_INVALID");

        r.attest(r.attestation(claim, r.verifiers.get(3), CARGO, "11.50"));

        final ClaimRecord settled = r.claimRecord(id);
        assertThat(settled.status()).isEqualTo(ClaimStatus.VERIFIED);
        assertThat(settled.fixedValue()).isEqualTo("11.50");
        assertThat(settled.attestations()).isEqualTo(4);
    }

    @Test
    void a_dispute_can_end_in_rejection_by_the_validator() {
        r.attest(
                r.attestation(claim, r.verifiers.get(0), CARGO, "5.00"),
                r.attestation(claim, r.verifiers.get(1), CARGO, "11.40"),
                r.attestation(claim, r.verifiers.get(2), CARGO, "14.00"));
        r.assertRefused(
                () -> r.client()
                        .reject(r.sign(
                                r.verifiers.get(0),
                                Actions.REJECT,
                                Json.object().put("claim", id).put("reason", "x"))),
                "WRONG_ROLE");

        r.client()
                .reject(r.sign(
                        r.validator,
                        Actions.REJECT,
                        Json.object().put("claim", id).put("reason", "evidence does not support the distance")));

        assertThat(r.claimRecord(id).status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(r.claimRecord(id).reason()).isEqualTo("evidence does not support the distance");
        r.assertRefused(
                () -> r.attest(r.attestation(claim, r.verifiers.get(3), CARGO, "11.50")), "CLAIM_STATE_INVALID");
        r.clock.advance(Duration.ofSeconds(1));
        r.assertRefused(
                () -> r.client()
                        .reject(r.sign(
                                r.validator,
                                Actions.REJECT,
                                Json.object().put("claim", id).put("reason", "again"))),
                "CLAIM_STATE_INVALID");
    }

    @Test
    void a_rejected_outcome_counts_as_zero() {
        final var vc = ImpactCredentials.attestation(
                "urn:uuid:r1",
                r.verifiers.get(0).did(),
                claim,
                "https://x/c",
                r.protocol(CARGO),
                "11.58",
                "Rejected",
                r.clock.instant());
        r.attest(VcJwt.sign(vc, r.verifiers.get(0), r.clock.instant()));

        final var records = r.client().attestations(id);
        assertThat(records).extracting(AttestationRecord::value).containsExactly("0.00");
        assertThat(records).extracting(AttestationRecord::outcome).containsExactly("Rejected");
    }

    @Test
    void only_designated_verifiers_vote_and_only_once() {
        final var outsider = TestRegistry.web("unregistered.example");
        r.attest(r.attestation(claim, r.verifiers.get(0), CARGO, "11.58"));

        r.assertRefused(() -> r.attest(r.attestation(claim, r.verifiers.get(0), CARGO, "11.58")), "ATTESTATION_EXISTS");
        r.assertRefused(() -> r.attest(r.attestation(claim, r.financer, CARGO, "11.58")), "WRONG_ROLE");
        r.assertRefused(() -> r.attest(r.attestation(claim, outsider, CARGO, "11.58")), "KEY_NOT_FOUND");
        r.assertRefused(
                () -> r.attest(
                        r.attestation(claim, r.verifiers.get(1), CARGO, "11.58"),
                        r.attestation(claim, r.verifiers.get(1), CARGO, "11.60")),
                "ATTESTATION_EXISTS");
    }

    @Test
    void an_undesignated_verifier_is_refused() {
        final var v6 = TestRegistry.web("v6.example");
        r.register(TestRegistry.ORG1, r.operator, v6, "verifier");

        r.assertRefused(() -> r.attest(r.attestation(claim, v6, CARGO, "11.58")), "VERIFIER_NOT_DESIGNATED");
    }

    @Test
    void values_must_pin_the_claim_and_fit_the_protocol() {
        final var protocol = r.protocol(CARGO);
        final var otherClaim = r.claim(r.owner, CARGO, TestRegistry.delivery("CB-2"));
        final var wrongPin = ImpactCredentials.attestation(
                "urn:uuid:a1",
                r.verifiers.get(0).did(),
                otherClaim,
                "https://x/c",
                protocol,
                "11.58",
                "Verified",
                r.clock.instant());

        r.assertRefused(
                () -> r.attest(VcJwt.sign(retarget(wrongPin, id), r.verifiers.get(0), r.clock.instant())),
                "CLAIM_DIGEST_MISMATCH");
        r.assertRefused(() -> r.attest(r.attestation(claim, r.verifiers.get(0), CARGO, "11.585")), "VALUES_INVALID");
        r.assertRefused(() -> r.attest(r.attestation(claim, r.verifiers.get(0), CARGO, "0.00")), "VALUE_OUT_OF_RANGE");
        r.assertRefused(
                () -> r.attest(r.attestation(claim, r.verifiers.get(0), CARGO, "-11.58")), "VALUE_OUT_OF_RANGE");
        r.assertRefused(
                () -> r.attest(r.attestation(claim, r.verifiers.get(0), CARGO, "1000000000000000.01")),
                "VALUES_INVALID");
        r.assertRefused(() -> r.attest(r.attestation(claim, r.verifiers.get(0), CARGO, "lots")), "VALUES_INVALID");
        r.assertRefused(
                () -> r.attest(r.attestation(otherClaim, r.verifiers.get(0), CARGO, "11.58")), "CLAIM_NOT_FOUND");
        final var kwh = ImpactCredentials.attestation(
                        "urn:uuid:a2",
                        r.verifiers.get(0).did(),
                        claim,
                        "https://x/c",
                        protocol,
                        "11.58",
                        "Verified",
                        r.clock.instant())
                .toJson();
        ((tools.jackson.databind.node.ObjectNode) kwh.withObject("credentialSubject")
                        .withArray("verifiedImpact")
                        .get(0))
                .put("unit", "kWh");
        r.assertRefused(
                () -> r.attest(VcJwt.sign(
                        io.impactproof.credentials.vc.VerifiableCredential.fromJson(kwh),
                        r.verifiers.get(0),
                        r.clock.instant())),
                "UNIT_MISMATCH");
        final var maybe = ImpactCredentials.attestation(
                "urn:uuid:a3",
                r.verifiers.get(0).did(),
                claim,
                "https://x/c",
                protocol,
                "11.58",
                "Perhaps",
                r.clock.instant());
        r.assertRefused(() -> r.attest(VcJwt.sign(maybe, r.verifiers.get(0), r.clock.instant())), "ARGUMENT_INVALID");
        r.assertRefused(() -> r.attest(claim), "TYPE_NOT_EXPECTED");
    }

    private static io.impactproof.credentials.vc.VerifiableCredential retarget(
            final io.impactproof.credentials.vc.VerifiableCredential vc, final String claimId) {
        final var json = vc.toJson();
        json.withObject("credentialSubject").put("id", claimId);
        return io.impactproof.credentials.vc.VerifiableCredential.fromJson(json);
    }
}
