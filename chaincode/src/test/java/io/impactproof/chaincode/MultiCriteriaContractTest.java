package io.impactproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.claim.ClaimStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A multi-criteria claim (server-lifetime-extension: kgCO2e, MJ, kgSbeq) is one record per
 * criterion: each attested, certified and held on its own, each counted once in its own category.
 */
class MultiCriteriaContractTest extends ContractTest {
    private static final String SERVER = "server-lifetime-extension";

    private void attest(final SignedCredential claim, final ClaimRecord record, final String value) {
        r.attest(
                r.attestation(claim, r.verifiers.get(0), record, value),
                r.attestation(claim, r.verifiers.get(1), record, value),
                r.attestation(claim, r.verifiers.get(2), record, value));
    }

    @Test
    void one_claim_gives_one_record_per_criterion() {
        final SignedCredential claim = r.claim(r.owner, SERVER, TestRegistry.serverYear("R740-0042"));
        final String id = claim.credential().id().orElseThrow();

        final List<ClaimRecord> records = r.submitClaims(TestRegistry.ORG1, claim);

        assertThat(records)
                .extracting(ClaimRecord::id, ClaimRecord::category, ClaimRecord::unit, ClaimRecord::claimedValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(id, "ghg-emissions-avoided", "kgCO2e", "241.975000"),
                        org.assertj.core.groups.Tuple.tuple(
                                id + "#primary-energy", "primary-energy-saved", "MJ", "3217.500000"),
                        org.assertj.core.groups.Tuple.tuple(
                                id + "#abiotic-resources", "abiotic-resources-saved", "kgSbeq", "0.037300"));
        assertThat(records).extracting(ClaimRecord::digest).containsOnly(claim.sha256Hex());
        assertThat(records).extracting(ClaimRecord::uniquenessKey).doesNotHaveDuplicates();
        assertThat(r.awaiting(r.verifiers.get(0)))
                .extracting(ClaimRecord::id)
                .containsAll(records.stream().map(ClaimRecord::id).toList());
        assertThat(r.submitClaims(TestRegistry.ORG1, claim))
                .as("a replay returns the same records")
                .isEqualTo(records);
    }

    @Test
    void each_criterion_is_attested_and_certified_on_its_own() {
        final SignedCredential claim = r.claim(r.owner, SERVER, TestRegistry.serverYear("R740-0043"));
        final List<ClaimRecord> records = r.submitClaims(TestRegistry.ORG1, claim);
        final ClaimRecord energy = records.get(1);

        r.assertRefused(
                () -> r.attest(r.attestation(
                        claim,
                        r.verifiers.get(0),
                        energy.toBuilder().unit("kgCO2e").build(),
                        "3217.500000")),
                "UNIT_MISMATCH");
        attest(claim, energy, "3217.500000");

        assertThat(r.claimRecord(energy.id()).status()).isEqualTo(ClaimStatus.VERIFIED);
        assertThat(r.claimRecord(records.get(0).id()).status())
                .as("the other criteria wait for their own attestations")
                .isEqualTo(ClaimStatus.SUBMITTED);

        attest(claim, records.get(0), "241.975000");
        attest(claim, records.get(2), "0.037300");
        final List<CertificateRecord> certificates =
                records.stream().map(c -> r.issue(r.validator, c.id())).toList();

        assertThat(certificates)
                .extracting(CertificateRecord::category, CertificateRecord::unit, CertificateRecord::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ghg-emissions-avoided", "kgCO2e", "241.975000"),
                        org.assertj.core.groups.Tuple.tuple("primary-energy-saved", "MJ", "3217.500000"),
                        org.assertj.core.groups.Tuple.tuple("abiotic-resources-saved", "kgSbeq", "0.037300"));
        assertThat(certificates).extracting(CertificateRecord::serial).doesNotHaveDuplicates();
        assertThat(certificates.get(0).serial())
                .startsWith("IPC-2025-SLE-" + claim.sha256Hex().substring(0, 10).toUpperCase(java.util.Locale.ROOT));
        assertThat(certificates.get(2).serial()).endsWith("-1-37300");
    }

    @Test
    void the_same_server_period_is_counted_once_per_criterion() {
        final SignedCredential first = r.claim(r.owner, SERVER, TestRegistry.serverYear("R740-0044"));
        r.submitClaims(TestRegistry.ORG1, first);
        final SignedCredential again = r.claim(r.owner, SERVER, TestRegistry.serverYear("r740-0044"));

        r.assertRefused(() -> r.submitClaims(TestRegistry.ORG1, again), "ACTIVITY_CLAIMED");
    }
}
