package io.impactproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.chaincode.claim.ClaimRecord;
import io.impactproof.chaincode.claim.ClaimStatus;
import io.impactproof.chaincode.core.LedgerJson;
import io.impactproof.client.Credentials;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.ledger.EmbeddedLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimContractTest {
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

    @Test
    void a_claim_is_recorded_as_digests_and_metadata_only() throws Exception {
        final SignedCredential claim =
                r.claim(r.owner, "home-to-work-commute", Registry.trip("emp-4f1c9a2b", "2026-03-10"));

        final ClaimRecord record = r.submitClaims(Registry.ORG1, claim).get(0);

        assertThat(record.id()).isEqualTo(claim.credential().id().orElseThrow());
        assertThat(record.digest()).isEqualTo(claim.sha256Hex());
        assertThat(record.digestSRI()).isEqualTo(claim.digestSRI());
        assertThat(record.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(record.claimedValue()).isEqualTo("2.616");
        assertThat(record.unit()).isEqualTo("kgCO2e");
        assertThat(record.proofLevel()).isEqualTo("declarative");
        assertThat(record.protocol()).isEqualTo("home-to-work-commute@1.0.0");
        assertThat(record.uniquenessKey()).matches("[0-9a-f]{64}");
        assertThat(record.evidence()).hasSize(1).first().asString().startsWith("sha384-");
        assertThat(r.claimRecord(record.id())).isEqualTo(record);
        final String blocks = Files.readString(dir.resolve("blocks.log"), StandardCharsets.ISO_8859_1);
        assertThat(blocks)
                .doesNotContain("emp-4f1c9a2b")
                .doesNotContain(Base64.getEncoder().encodeToString("emp-4f1c9a2b".getBytes(StandardCharsets.UTF_8)));
        assertThat(blocks).doesNotContain(claim.compact().substring(0, 40));
    }

    @Test
    void a_batch_is_atomic_and_names_the_claim_that_failed() {
        final SignedCredential good = r.claim(r.owner, "cargo-bike-delivery", Registry.delivery("CB-100"));
        final SignedCredential ineligible = r.claim(
                r.owner, "cargo-bike-delivery", Registry.delivery("CB-101").put("mode", "van"));

        r.assertRefused(() -> r.submitClaims(Registry.ORG1, good, ineligible), "CLAIM_INELIGIBLE");
        r.assertRefused(() -> r.claimRecord(good.credential().id().orElseThrow()), "CLAIM_NOT_FOUND");

        final List<ClaimRecord> both = r.submitClaims(
                Registry.ORG1, good, r.claim(r.owner, "cargo-bike-delivery", Registry.delivery("CB-102")));
        assertThat(both).extracting(ClaimRecord::claimedValue).containsExactly("11.58", "11.58");
    }

    @Test
    void resubmitting_the_same_claim_is_idempotent_and_a_reused_id_is_refused() {
        final SignedCredential claim = r.claim(r.owner, "cargo-bike-delivery", Registry.delivery("CB-200"));
        final ClaimRecord first = r.submitClaims(Registry.ORG1, claim).get(0);
        r.clock.advance(Duration.ofSeconds(5));

        assertThat(r.submitClaims(Registry.ORG1, claim).get(0)).isEqualTo(first);
        assertThat(r.submitClaims(Registry.ORG1, claim, claim)).containsExactly(first, first);

        final var sameId = Credentials.claim(
                first.id(),
                r.owner.did(),
                r.protocol("cargo-bike-delivery"),
                Registry.delivery("CB-201"),
                List.of(),
                r.clock.instant());
        r.assertRefused(
                () -> r.submitClaims(Registry.ORG1, VcJwt.sign(sameId, r.owner, r.clock.instant())),
                "CLAIM_ID_CONFLICT");
    }

    @Test
    void a_tampered_jwt_in_transient_data_is_refused() {
        final SignedCredential claim = r.claim(r.owner, "cargo-bike-delivery", Registry.delivery("CB-300"));
        final String[] parts = claim.compact().split("\\.");
        final String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"parcels\":3", "\"parcels\":30");
        final String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        r.assertRefused(
                () -> r.submitTransient(
                        Registry.ORG1,
                        "claims:Submit",
                        "claims",
                        Json.write(Json.array().add(tampered))),
                "SIGNATURE_INVALID");
        r.assertRefused(() -> r.submitTransient(Registry.ORG1, "claims:Submit", "claims", "[]"), "ARGUMENT_INVALID");
        r.assertRefused(
                () -> r.submitTransient(Registry.ORG1, "claims:Submit", "claims", "not json"), "ARGUMENT_INVALID");
        r.assertRefused(() -> r.submitTransient(Registry.ORG1, "claims:Submit", "claims", "[1]"), "ARGUMENT_INVALID");
        r.assertRefused(() -> r.submitTransient(Registry.ORG1, "claims:Submit", "other", "[]"), "ARGUMENT_INVALID");
    }

    @Test
    void only_a_registered_owner_of_the_submitting_organisation_may_claim() {
        final SignedCredential byStranger = VcJwt.sign(
                Credentials.claim(
                        "urn:uuid:1",
                        Registry.web("x.example").did(),
                        r.protocol("cargo-bike-delivery"),
                        Registry.delivery("CB-400"),
                        List.of(),
                        r.clock.instant()),
                Registry.web("x.example"),
                r.clock.instant());
        final SignedCredential byVerifier =
                r.claim(r.verifiers.get(0), "cargo-bike-delivery", Registry.delivery("CB-401"));
        final SignedCredential byOwner2 = r.claim(r.owner2, "cargo-bike-delivery", Registry.delivery("CB-402"));

        r.assertRefused(() -> r.submitClaims(Registry.ORG1, byStranger), "KEY_NOT_FOUND");
        r.assertRefused(() -> r.submitClaims(Registry.ORG1, byVerifier), "WRONG_ROLE");
        r.assertRefused(() -> r.submitClaims(Registry.ORG1, byOwner2), "WRONG_ORGANISATION");
        assertThat(r.submitClaims(Registry.ORG2, byOwner2)).hasSize(1);
    }

    @Test
    void the_protocol_must_exist_and_be_pinned_as_published() {
        final var protocol = r.protocol("cargo-bike-delivery");
        final var unknown = Credentials.claim(
                "urn:uuid:2",
                r.owner.did(),
                new io.impactproof.chaincode.protocol.PublishedProtocol(
                        "cargo-bike-delivery",
                        "9.9.9",
                        "0",
                        protocol.digestSRI(),
                        "{}",
                        "c",
                        "u",
                        2,
                        protocol.verifiers(),
                        3,
                        "0.05",
                        null,
                        "median",
                        protocol.validators(),
                        "Org1MSP",
                        "x",
                        "x",
                        "ACTIVE"),
                Registry.delivery("CB-500"),
                List.of(),
                r.clock.instant());
        final var wrongDigest = Credentials.claim(
                "urn:uuid:3",
                r.owner.did(),
                new io.impactproof.chaincode.protocol.PublishedProtocol(
                        "cargo-bike-delivery",
                        "1.0.0",
                        "0",
                        "sha384-AAAA",
                        "{}",
                        "c",
                        "u",
                        2,
                        protocol.verifiers(),
                        3,
                        "0.05",
                        null,
                        "median",
                        protocol.validators(),
                        "Org1MSP",
                        "x",
                        "x",
                        "ACTIVE"),
                Registry.delivery("CB-501"),
                List.of(),
                r.clock.instant());

        r.assertRefused(
                () -> r.submitClaims(Registry.ORG1, VcJwt.sign(unknown, r.owner, r.clock.instant())),
                "PROTOCOL_NOT_FOUND");
        r.assertRefused(
                () -> r.submitClaims(Registry.ORG1, VcJwt.sign(wrongDigest, r.owner, r.clock.instant())),
                "PROTOCOL_DIGEST_MISMATCH");
    }

    @Test
    void claim_data_must_meet_the_schema() {
        r.assertRefused(
                () -> r.submitClaims(
                        Registry.ORG1,
                        r.claim(
                                r.owner,
                                "cargo-bike-delivery",
                                Registry.delivery("CB-600").put("parcels", 0))),
                "CLAIM_DATA_INVALID");
        r.assertRefused(
                () -> r.submitClaims(
                        Registry.ORG1,
                        r.claim(r.owner, "low-carbon-forestry", Registry.forestPeriod("2024-01-01", "2023-01-01"))),
                "CLAIM_PERIOD_INVALID");
    }

    @Test
    void designated_verifiers_see_the_claims_awaiting_them() {
        final ClaimRecord record = r.submitClaims(
                        Registry.ORG1, r.claim(r.owner, "cargo-bike-delivery", Registry.delivery("CB-700")))
                .get(0);

        for (final var verifier : r.verifiers) {
            final var awaiting = LedgerJson.readList(
                    r.evaluate("claims:Awaiting", verifier.did()).getBytes(StandardCharsets.UTF_8), ClaimRecord.class);
            assertThat(awaiting).extracting(ClaimRecord::id).containsExactly(record.id());
        }
        assertThat(r.evaluate("claims:Awaiting", r.validator.did())).isEqualTo("[]");
    }

    @Test
    void the_ledger_survives_a_restart_with_every_claim() {
        final ClaimRecord record = r.submitClaims(
                        Registry.ORG1, r.claim(r.owner, "cargo-bike-delivery", Registry.delivery("CB-800")))
                .get(0);
        final long height = r.ledger.height();

        r.reopen();

        assertThat(r.ledger.height()).isEqualTo(height);
        assertThat(r.claimRecord(record.id())).isEqualTo(record);
        assertThat(r.ledger.verify().valid()).isTrue();
        assertThat(r.ledger.stats().blocks()).isEqualTo(height);
        assertThat(EmbeddedLedger.CHANNEL).isEqualTo("impactproof");
    }
}
