package io.impactproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.Instructions;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.ledger.embedded.EmbeddedLedger;
import io.impactproof.model.Actions;
import io.impactproof.model.Transactions;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.claim.ClaimStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimContractTest extends ContractTest {

    @Test
    void a_claim_is_recorded_as_digests_and_metadata_only() throws Exception {
        final SignedCredential claim =
                r.claim(r.owner, "home-to-work-commute", TestRegistry.trip("emp-4f1c9a2b", "2026-03-10"));

        final ClaimRecord record = r.submitClaims(TestRegistry.ORG1, claim).get(0);

        assertThat(record.id()).isEqualTo(claim.credential().id().orElseThrow());
        assertThat(record.digest()).isEqualTo(claim.sha256Hex());
        assertThat(record.digestSRI()).isEqualTo(claim.digestSRI());
        assertThat(record.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(record.claimedValue()).isEqualTo("2.616");
        assertThat(record.unit()).isEqualTo("kgCO2e");
        assertThat(record.proofLevel()).isEqualTo("declarative");
        assertThat(record.protocol()).isEqualTo("home-to-work-commute@1.1.0");
        assertThat(record.uniquenessKey()).matches("[0-9a-f]{64}");
        assertThat(record.evidence()).hasSize(1).first().asString().startsWith("sha384-");
        assertThat(r.claimRecord(record.id())).isEqualTo(record);
        // Every value and event the blocks hold, decoded from the export (the log itself is deflated).
        final java.io.ByteArrayOutputStream export = new java.io.ByteArrayOutputStream();
        r.ledger.exportBlocks(export);
        final StringBuilder written = new StringBuilder();
        export.toString(StandardCharsets.UTF_8).lines().map(Json::parseObject).forEach(block -> {
            block.get("writes").forEach(value -> {
                if (!value.isNull()) {
                    written.append(new String(Base64.getDecoder().decode(value.stringValue()), StandardCharsets.UTF_8));
                }
            });
            if (block.hasNonNull("eventPayload")) {
                written.append(new String(
                        Base64.getDecoder().decode(block.get("eventPayload").stringValue()), StandardCharsets.UTF_8));
            }
        });
        assertThat(written.toString())
                .contains(record.id())
                .doesNotContain("emp-4f1c9a2b")
                .doesNotContain(claim.compact().substring(0, 40));
    }

    @Test
    void a_batch_is_atomic_and_names_the_claim_that_failed() {
        final SignedCredential good = r.claim(r.owner, "cargo-bike-delivery", TestRegistry.delivery("CB-100"));
        final SignedCredential ineligible = r.claim(
                r.owner, "cargo-bike-delivery", TestRegistry.delivery("CB-101").put("mode", "van"));

        r.assertRefused(() -> r.submitClaims(TestRegistry.ORG1, good, ineligible), "CLAIM_INELIGIBLE");
        r.assertRefused(() -> r.claimRecord(good.credential().id().orElseThrow()), "CLAIM_NOT_FOUND");

        final List<ClaimRecord> both = r.submitClaims(
                TestRegistry.ORG1, good, r.claim(r.owner, "cargo-bike-delivery", TestRegistry.delivery("CB-102")));
        assertThat(both).extracting(ClaimRecord::claimedValue).containsExactly("11.58", "11.58");
    }

    @Test
    void a_batch_fails_at_its_first_bad_claim_although_claims_are_evaluated_ahead_in_parallel() {
        final SignedCredential good = r.claim(r.owner, "cargo-bike-delivery", TestRegistry.delivery("CB-110"));
        final SignedCredential badData = r.claim(
                r.owner, "cargo-bike-delivery", TestRegistry.delivery("CB-111").put("parcels", 0));
        final SignedCredential ineligible = r.claim(
                r.owner, "cargo-bike-delivery", TestRegistry.delivery("CB-112").put("mode", "van"));
        final SignedCredential duplicate = r.claim(r.owner, "cargo-bike-delivery", TestRegistry.delivery("CB-110"));

        // Evaluation failures (schema at [1], rules at [2]) are reported in batch order…
        assertRefusedAt(List.of(good, badData, ineligible), "claims[1]", "CLAIM_DATA_INVALID");
        assertRefusedAt(List.of(good, ineligible, badData), "claims[1]", "CLAIM_INELIGIBLE");
        // …after what an earlier claim fails on once the state is read (the second claim of one delivery),
        assertRefusedAt(List.of(good, duplicate, badData), "claims[1]", "ACTIVITY_CLAIMED");
        // …and before what a later claim's signature fails on.
        final String[] parts = good.compact().split("\\.");
        final String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        final List<String> compacts = List.of(good.compact(), ineligible.compact(), forged);
        assertThatThrownBy(() -> r.submitTransient(
                        TestRegistry.ORG1,
                        Transactions.CLAIMS_SUBMIT,
                        "claims",
                        Json.write(Json.MAPPER.valueToTree(compacts))))
                .isInstanceOfSatisfying(TransactionRefused.class, e -> {
                    assertThat(e.code()).isEqualTo("CLAIM_INELIGIBLE");
                    assertThat(e.getMessage()).contains("claims[1]");
                });
        assertThat(r.submitClaims(TestRegistry.ORG1, good)).hasSize(1);
    }

    private void assertRefusedAt(final List<SignedCredential> batch, final String where, final String code) {
        final long height = r.ledger.height();
        assertThatThrownBy(() -> r.submitClaims(TestRegistry.ORG1, batch.toArray(SignedCredential[]::new)))
                .isInstanceOfSatisfying(TransactionRefused.class, e -> {
                    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(where);
                });
        assertThat(r.ledger.height()).isEqualTo(height);
    }

    @Test
    void resubmitting_the_same_claim_is_idempotent_and_a_reused_id_is_refused() {
        final SignedCredential claim = r.claim(r.owner, "cargo-bike-delivery", TestRegistry.delivery("CB-200"));
        final ClaimRecord first = r.submitClaims(TestRegistry.ORG1, claim).get(0);
        r.clock.advance(Duration.ofSeconds(5));
        final long height = r.ledger.height();

        assertThat(r.submitClaims(TestRegistry.ORG1, claim).get(0)).isEqualTo(first);
        assertThat(r.submitClaims(TestRegistry.ORG1, claim, claim)).containsExactly(first, first);
        assertThat(r.ledger.height())
                .as("a replayed claim writes nothing, so it appends no block")
                .isEqualTo(height);

        final var sameId = ImpactCredentials.claim(
                first.id(),
                r.owner.did(),
                r.protocol("cargo-bike-delivery"),
                TestRegistry.delivery("CB-201"),
                List.of(),
                r.clock.instant());
        r.assertRefused(
                () -> r.submitClaims(TestRegistry.ORG1, VcJwt.sign(sameId, r.owner, r.clock.instant())),
                "CLAIM_ID_CONFLICT");
    }

    @Test
    void a_second_claim_of_an_activity_not_yet_certified_is_refused_naming_the_first() {
        final ClaimRecord first = r.submitClaims(
                        TestRegistry.ORG1, r.claim(r.owner, "cargo-bike-delivery", TestRegistry.delivery("CB-250")))
                .get(0);

        r.assertRefused(
                () -> r.submitClaims(
                        TestRegistry.ORG1, r.claim(r.owner, "cargo-bike-delivery", TestRegistry.delivery("cb-250"))),
                "ACTIVITY_CLAIMED");
        assertThatThrownBy(() -> r.submitClaims(
                        TestRegistry.ORG1, r.claim(r.owner, "cargo-bike-delivery", TestRegistry.delivery("CB-250"))))
                .hasMessageContaining(first.id());

        r.client()
                .reject(r.sign(
                        r.validator,
                        Actions.REJECT,
                        Json.object().put("claim", first.id()).put("reason", "duplicate")));
        assertThat(r.submitClaims(
                                TestRegistry.ORG1,
                                r.claim(r.owner, "cargo-bike-delivery", TestRegistry.delivery("CB-250")))
                        .get(0)
                        .status())
                .as("a rejected claim lets the activity be claimed again")
                .isEqualTo(ClaimStatus.SUBMITTED);
    }

    @Test
    void texts_that_reach_the_ledger_keep_their_bounds() {
        final var longId = ImpactCredentials.claim(
                "urn:x:" + "a".repeat(600),
                r.owner.did(),
                r.protocol("cargo-bike-delivery"),
                TestRegistry.delivery("CB-260"),
                List.of(),
                r.clock.instant());
        r.assertRefused(
                () -> r.submitClaims(TestRegistry.ORG1, VcJwt.sign(longId, r.owner, r.clock.instant())),
                "ARGUMENT_INVALID");
        final var other = SigningKey.generateEd25519DidKey();
        r.assertRefused(
                () -> r.client()
                        .register(r.sign(
                                r.operator,
                                Actions.REGISTER,
                                Instructions.registration(
                                        other.did(), "x".repeat(201), TestRegistry.ORG1, List.of("owner"), other))),
                "ARGUMENT_INVALID");
        r.assertRefused(
                () -> r.client()
                        .register(r.sign(
                                r.operator,
                                Actions.REGISTER,
                                Instructions.registration(
                                        other.did(), "name\u0000", TestRegistry.ORG1, List.of("owner"), other))),
                "ARGUMENT_INVALID");
    }

    @Test
    void a_tampered_jwt_in_transient_data_is_refused() {
        final SignedCredential claim = r.claim(r.owner, "cargo-bike-delivery", TestRegistry.delivery("CB-300"));
        final String[] parts = claim.compact().split("\\.");
        final String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"parcels\":3", "\"parcels\":30");
        final String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        r.assertRefused(
                () -> r.submitTransient(
                        TestRegistry.ORG1,
                        Transactions.CLAIMS_SUBMIT,
                        "claims",
                        Json.write(Json.array().add(tampered))),
                "SIGNATURE_INVALID");
        r.assertRefused(
                () -> r.submitTransient(TestRegistry.ORG1, Transactions.CLAIMS_SUBMIT, "claims", "[]"),
                "ARGUMENT_INVALID");
        r.assertRefused(
                () -> r.submitTransient(TestRegistry.ORG1, Transactions.CLAIMS_SUBMIT, "claims", "not json"),
                "ARGUMENT_INVALID");
        r.assertRefused(
                () -> r.submitTransient(TestRegistry.ORG1, Transactions.CLAIMS_SUBMIT, "claims", "[1]"),
                "ARGUMENT_INVALID");
        r.assertRefused(
                () -> r.submitTransient(TestRegistry.ORG1, Transactions.CLAIMS_SUBMIT, "other", "[]"),
                "ARGUMENT_INVALID");
    }

    @Test
    void only_a_registered_owner_of_the_submitting_organisation_may_claim() {
        final SignedCredential byStranger = VcJwt.sign(
                ImpactCredentials.claim(
                        "urn:uuid:1",
                        TestRegistry.web("x.example").did(),
                        r.protocol("cargo-bike-delivery"),
                        TestRegistry.delivery("CB-400"),
                        List.of(),
                        r.clock.instant()),
                TestRegistry.web("x.example"),
                r.clock.instant());
        final SignedCredential byVerifier =
                r.claim(r.verifiers.get(0), "cargo-bike-delivery", TestRegistry.delivery("CB-401"));
        final SignedCredential byOwner2 = r.claim(r.owner2, "cargo-bike-delivery", TestRegistry.delivery("CB-402"));

        r.assertRefused(() -> r.submitClaims(TestRegistry.ORG1, byStranger), "KEY_NOT_FOUND");
        r.assertRefused(() -> r.submitClaims(TestRegistry.ORG1, byVerifier), "WRONG_ROLE");
        r.assertRefused(() -> r.submitClaims(TestRegistry.ORG1, byOwner2), "WRONG_ORGANISATION");
        assertThat(r.submitClaims(TestRegistry.ORG2, byOwner2)).hasSize(1);
    }

    @Test
    void the_protocol_must_exist_and_be_pinned_as_published() {
        final var protocol = r.protocol("cargo-bike-delivery");
        final var unknown = ImpactCredentials.claim(
                "urn:uuid:2",
                r.owner.did(),
                new io.impactproof.model.protocol.PublishedProtocol(
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
                TestRegistry.delivery("CB-500"),
                List.of(),
                r.clock.instant());
        final var wrongDigest = ImpactCredentials.claim(
                "urn:uuid:3",
                r.owner.did(),
                new io.impactproof.model.protocol.PublishedProtocol(
                        "cargo-bike-delivery",
                        "1.1.0",
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
                TestRegistry.delivery("CB-501"),
                List.of(),
                r.clock.instant());

        r.assertRefused(
                () -> r.submitClaims(TestRegistry.ORG1, VcJwt.sign(unknown, r.owner, r.clock.instant())),
                "PROTOCOL_NOT_FOUND");
        r.assertRefused(
                () -> r.submitClaims(TestRegistry.ORG1, VcJwt.sign(wrongDigest, r.owner, r.clock.instant())),
                "PROTOCOL_DIGEST_MISMATCH");
    }

    @Test
    void claim_data_must_meet_the_schema() {
        r.assertRefused(
                () -> r.submitClaims(
                        TestRegistry.ORG1,
                        r.claim(
                                r.owner,
                                "cargo-bike-delivery",
                                TestRegistry.delivery("CB-600").put("parcels", 0))),
                "CLAIM_DATA_INVALID");
        r.assertRefused(
                () -> r.submitClaims(
                        TestRegistry.ORG1,
                        r.claim(r.owner, "low-carbon-forestry", TestRegistry.forestPeriod("2024-01-01", "2023-01-01"))),
                "CLAIM_PERIOD_INVALID");
    }

    @Test
    void designated_verifiers_see_the_claims_awaiting_them() {
        final ClaimRecord record = r.submitClaims(
                        TestRegistry.ORG1, r.claim(r.owner, "cargo-bike-delivery", TestRegistry.delivery("CB-700")))
                .get(0);

        for (final var verifier : r.verifiers) {
            assertThat(r.awaiting(verifier)).extracting(ClaimRecord::id).containsExactly(record.id());
        }
        assertThat(r.awaiting(r.validator)).isEmpty();
    }

    @Test
    void claims_are_listed_by_status_page_by_page() {
        for (int i = 0; i < 5; i++) {
            r.submitClaims(
                    TestRegistry.ORG1, r.claim(r.owner, "cargo-bike-delivery", TestRegistry.delivery("PG-" + i)));
        }
        final List<String> seen = new java.util.ArrayList<>();
        String bookmark = "";
        int pages = 0;
        do {
            final var page = r.client().claimsWithStatus("SUBMITTED", 2, bookmark);
            page.records().forEach(c -> seen.add(c.id()));
            bookmark = page.bookmark();
            pages++;
        } while (!bookmark.isEmpty());

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(r.client().claimsWithStatus("SUBMITTED", 1, "").records()).hasSize(1);
        assertThat(r.client().claimsWithStatus("VERIFIED", 1, "").records()).isEmpty();
        r.assertRefused(() -> r.client().claimsWithStatus("SUBMITTED", 0, ""), "ARGUMENT_INVALID");
        r.assertRefused(() -> r.client().claimsWithStatus("SUBMITTED", 1001, ""), "ARGUMENT_INVALID");
    }

    @Test
    void the_ledger_survives_a_restart_with_every_claim() {
        final ClaimRecord record = r.submitClaims(
                        TestRegistry.ORG1, r.claim(r.owner, "cargo-bike-delivery", TestRegistry.delivery("CB-800")))
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
