package io.impactproof.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.Instructions;
import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.gateway.agents.ManagedAgents;
import io.impactproof.gateway.agents.VerifierAgent;
import io.impactproof.model.Actions;
import io.impactproof.model.claim.ClaimRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** Write paths where a refusal must change nothing and a restart must leave no work behind. */
class WritePathIntegrationTests {
    private static final String CARGO = "cargo-bike-delivery";

    @TempDir
    Path data;

    private final SigningKey owner = SigningKey.generateEd25519DidKey();

    private static long height(final Gateway gateway) {
        return gateway.get("/operators/ledger")
                .json()
                .path("info")
                .path("height")
                .longValue();
    }

    private static Gateway.Response signed(
            final Gateway gateway,
            final String path,
            final SigningKey key,
            final String action,
            final ObjectNode args) {
        return gateway.postJson(
                path, Json.object().put("instruction", Instructions.sign(key, action, args, Instant.now())));
    }

    @Test
    void a_path_naming_another_certificate_than_the_instruction_changes_nothing() throws Exception {
        try (Gateway gateway = Gateway.start(data, true)) {
            gateway.bean(ManagedAgents.class).register(owner, "owner", "owner");
            final String first =
                    gateway.awaitCertificate(gateway.submitClaim(owner, CARGO, Gateway.delivery("PATH-1")));
            final String second =
                    gateway.awaitCertificate(gateway.submitClaim(owner, CARGO, Gateway.delivery("PATH-2")));
            final SigningKey validator =
                    gateway.bean(ManagedAgents.class).validator().key();
            final long before = height(gateway);

            final Gateway.Response suspended = signed(
                    gateway,
                    "/validators/certificates/" + first + "/suspend",
                    validator,
                    Actions.SUSPEND,
                    Json.object().put("serial", second).put("reason", "audit"));
            final Gateway.Response moved = signed(
                    gateway,
                    "/financers/certificates/NO-SUCH-SERIAL/transfer",
                    owner,
                    Actions.TRANSFER,
                    Json.object().put("serial", first).put("to", validator.did()));
            final Gateway.Response otherAction = signed(
                    gateway,
                    "/validators/certificates/" + first + "/revoke",
                    validator,
                    Actions.SUSPEND,
                    Json.object().put("serial", first).put("reason", "audit"));

            for (final Gateway.Response refused : List.of(suspended, moved, otherAction)) {
                assertThat(refused.status()).as(refused.body()).isEqualTo(400);
                assertThat(refused.code()).isEqualTo("PATH_MISMATCH");
            }
            assertThat(height(gateway)).as("nothing reached the ledger").isEqualTo(before);
            for (final String serial : List.of(first, second)) {
                final var record = gateway.get("/certificates/" + serial).json();
                assertThat(record.path("status").stringValue()).isEqualTo("ACTIVE");
                assertThat(record.path("holder").stringValue()).isEqualTo(owner.did());
            }
        }
    }

    @Test
    void a_restarted_node_attaches_the_certificates_it_issued_before_it_stopped() throws Exception {
        final String claimId;
        final String serial;
        try (Gateway gateway = Gateway.start(data, false)) {
            final ManagedAgents agents = gateway.bean(ManagedAgents.class);
            final RegistryClient registry = gateway.bean(RegistryClient.class);
            agents.register(owner, "owner", "owner");
            claimId = gateway.submitClaim(owner, CARGO, Gateway.delivery("ISSUED-1"));
            final ClaimRecord claim = registry.claim(claimId);
            final var protocol = registry.protocol(claim.protocol());
            final List<SignedCredential> attestations = new ArrayList<>();
            for (final VerifierAgent verifier : agents.verifiers().subList(0, 3)) {
                attestations.add(verifier.attest(claim, protocol));
            }
            final var body = Json.object();
            attestations.forEach(a -> body.withArray("credentials").add(a.compact()));
            assertThat(gateway.postJson("/verifiers/attestations", body).status())
                    .isEqualTo(201);
            // The node stops between issuing the certificate and attaching its credential.
            final var issued = signed(
                    gateway,
                    "/validators/certificates",
                    agents.validator().key(),
                    Actions.ISSUE,
                    Json.object().put("claim", claimId));
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            serial = issued.json().get(0).path("serial").stringValue();
            assertThat(gateway.get("/certificates/" + serial)
                            .json()
                            .path("status")
                            .stringValue())
                    .isEqualTo("ISSUED");
        }
        try (Gateway restarted = Gateway.start(data, true)) {
            Gateway.await(
                    () -> "ACTIVE"
                            .equals(restarted
                                    .get("/certificates/" + serial)
                                    .json()
                                    .path("status")
                                    .stringValue()),
                    "the restarted validator to attach the credential of " + serial);
            assertThat(restarted
                            .get("/certificates/" + serial + "/chain")
                            .json()
                            .path("valid")
                            .booleanValue())
                    .isTrue();
        }
    }

    @Test
    void a_backlog_larger_than_a_batch_is_cleared_after_a_restart() throws Exception {
        final int claims = 1_200;
        final List<String> ids = new ArrayList<>();
        try (Gateway gateway = Gateway.start(data, false)) {
            gateway.bean(ManagedAgents.class).register(owner, "owner", "owner");
            final var protocol = gateway.bean(RegistryClient.class).protocol(CARGO, "1.1.0");
            for (int batch = 0; batch < claims / 100; batch++) {
                final var body = Json.object();
                for (int i = 0; i < 100; i++) {
                    final String id = "urn:uuid:" + UUID.randomUUID();
                    final SignedCredential claim = VcJwt.sign(
                            ImpactCredentials.claim(
                                    id,
                                    owner.did(),
                                    protocol,
                                    Gateway.delivery("BACKLOG-" + batch + "-" + i),
                                    List.of(),
                                    Instant.now()),
                            owner,
                            Instant.now());
                    body.withArray("credentials").add(claim.compact());
                    ids.add(id);
                }
                assertThat(gateway.postJson("/owners/claims", body).status()).isEqualTo(201);
            }
        }
        try (Gateway restarted = Gateway.start(data, true)) {
            final RegistryClient registry = restarted.bean(RegistryClient.class);
            Gateway.await(
                    () -> registry.claimsWithStatus("SUBMITTED", 1, "")
                                    .records()
                                    .isEmpty()
                            && registry.claimsWithStatus("VERIFIED", 1, "")
                                    .records()
                                    .isEmpty(),
                    "the backlog of " + claims + " claims to be certified");
            final Map<String, Long> byStatus = ids.stream()
                    .collect(Collectors.groupingBy(
                            id -> registry.claim(id).status().name(), Collectors.counting()));
            assertThat(byStatus).isEqualTo(Map.of("CERTIFIED", (long) claims));
        }
    }
}
