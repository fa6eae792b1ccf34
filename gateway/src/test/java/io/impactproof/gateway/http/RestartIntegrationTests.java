package io.impactproof.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.gateway.agents.ManagedAgents;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service stops in the middle of a workflow; restarted on the same data, it completes it. */
class RestartIntegrationTests {
    @TempDir
    Path data;

    @Test
    void a_restart_in_the_middle_of_a_workflow_loses_nothing() throws Exception {
        final SigningKey owner = SigningKey.generateEd25519DidKey();
        final String claimId;
        final long height;
        try (Gateway first = Gateway.start(data, false)) {
            first.bean(ManagedAgents.class).register(owner, "owner", "owner");
            final var protocol = first.bean(RegistryClient.class).protocol("home-to-work-commute", "1.1.0");
            final var trip = Json.parseObject(
                    "{\"employer_siren\":\"356000000\",\"commuter_id\":\"emp-restart-1\",\"trip_date\":\"2026-03-10\",\"leg\":\"outbound\",\"mode\":\"bike\",\"distance_km\":12,\"proof_level\":\"sworn-statement\",\"consent_month\":\"2026-03\"}");
            final var claim = VcJwt.sign(
                    ImpactCredentials.claim(
                            "urn:uuid:" + UUID.randomUUID(), owner.did(), protocol, trip, List.of(), Instant.now()),
                    owner,
                    Instant.now());
            final var body = Json.object();
            body.putArray("credentials").add(claim.compact());
            final Gateway.Response submitted = first.postJson("/owners/claims", body);
            assertThat(submitted.status()).isEqualTo(201);
            claimId = submitted.json().get(0).path("id").stringValue();
            assertThat(first.get("/owners/claims/" + claimId)
                            .json()
                            .path("status")
                            .stringValue())
                    .isEqualTo("SUBMITTED");
            height = first.get("/operators/ledger")
                    .json()
                    .path("info")
                    .path("height")
                    .longValue();
        }

        try (Gateway second = Gateway.start(data, true)) {
            assertThat(second.get("/operators/ledger")
                            .json()
                            .path("info")
                            .path("height")
                            .longValue())
                    .isGreaterThanOrEqualTo(height);
            Gateway.await(
                    () -> "CERTIFIED"
                            .equals(second.get("/owners/claims/" + claimId)
                                    .json()
                                    .path("status")
                                    .stringValue("")),
                    "the restarted agents to finish the workflow");
            final String serial = second.get("/owners/claims/" + claimId)
                    .json()
                    .path("certificate")
                    .stringValue();
            assertThat(second.get("/certificates/" + serial)
                            .json()
                            .path("quantity")
                            .stringValue())
                    .isEqualTo("2.616");
            assertThat(second.get("/operators/ledger")
                            .json()
                            .path("chain")
                            .path("valid")
                            .booleanValue())
                    .isTrue();
        }
    }

    @Test
    void a_claim_verified_before_a_restart_is_certified_after_it() throws Exception {
        final SigningKey owner = SigningKey.generateEd25519DidKey();
        final String claimId;
        try (Gateway first = Gateway.start(data.resolve("second"), false)) {
            final ManagedAgents agents = first.bean(ManagedAgents.class);
            agents.register(owner, "owner", "owner");
            claimId = first.submitClaim(owner, "cargo-bike-delivery", Gateway.delivery("RESTART-2"));
            final var claim = first.bean(RegistryClient.class).claim(claimId);
            final var protocol = first.bean(RegistryClient.class).protocol("cargo-bike-delivery", "1.1.0");
            final List<io.impactproof.credentials.jwt.SignedCredential> attestations = agents.verifiers().stream()
                    .limit(3)
                    .map(v -> v.attest(claim, protocol))
                    .toList();
            first.bean(RegistryClient.class).attest(attestations);
            assertThat(first.get("/owners/claims/" + claimId)
                            .json()
                            .path("status")
                            .stringValue())
                    .isEqualTo("VERIFIED");
        }

        try (Gateway second = Gateway.start(data.resolve("second"), true)) {
            final String serial = second.awaitCertificate(claimId);
            assertThat(second.get("/certificates/" + serial)
                            .json()
                            .path("quantity")
                            .stringValue())
                    .isEqualTo("11.58");
        }
    }
}
