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
import io.impactproof.model.LedgerJson;
import io.impactproof.model.certificate.CertificateRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** Verifiers and the validator acting by hand over HTTP (the automated agents are off). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManualRolesIntegrationTests {
    private static final String CARGO = "cargo-bike-delivery";

    @TempDir
    static Path data;

    private Gateway gateway;
    private ManagedAgents agents;
    private RegistryClient registry;
    private final SigningKey owner = SigningKey.generateEd25519DidKey();

    @BeforeAll
    void start() {
        gateway = Gateway.start(data, false);
        agents = gateway.bean(ManagedAgents.class);
        registry = gateway.bean(RegistryClient.class);
        agents.register(owner, "owner", "owner");
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    private SignedCredential claim(final String tracking) {
        final ObjectNode delivery = Json.parseObject(("{'carrier_siren':'552100554','tracking_id':'" + tracking
                        + "','courier_id':'c7','delivered_on':'2026-03-10','zone':'rural','mode':'cargo-bike','parcels':3,'distance_km':12.5}")
                .replace('\'', '"'));
        return VcJwt.sign(
                ImpactCredentials.claim(
                        "urn:uuid:" + UUID.randomUUID(),
                        owner.did(),
                        registry.protocol(CARGO, "1.1.0"),
                        delivery,
                        List.of(),
                        Instant.now()),
                owner,
                Instant.now());
    }

    private String submit(final SignedCredential claim) {
        final ObjectNode body = Json.object();
        body.putArray("credentials").add(claim.compact());
        final Gateway.Response response = gateway.postJson("/owners/claims", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get(0).path("id").stringValue();
    }

    private Gateway.Response attest(final SignedCredential claim, final int verifier, final String value) {
        final var key = agents.verifiers().get(verifier).key();
        final var vc = ImpactCredentials.attestation(
                "urn:uuid:" + UUID.randomUUID(),
                key.did(),
                claim,
                "http://registry.test/artifacts/sha256/" + claim.sha256Hex(),
                registry.protocol(CARGO, "1.1.0"),
                value,
                "Verified",
                Instant.now());
        final ObjectNode body = Json.object();
        body.putArray("credentials").add(VcJwt.sign(vc, key, Instant.now()).compact());
        return gateway.postJson("/verifiers/attestations", body);
    }

    private Gateway.Response instruction(final String path, final String action, final ObjectNode args) {
        return gateway.postJson(
                path,
                Json.object()
                        .put("instruction", Instructions.sign(agents.validator().key(), action, args, Instant.now())));
    }

    @Test
    void verifiers_attest_and_the_validator_issues_activates_suspends_and_reinstates() {
        final SignedCredential claim = claim("MANUAL-1");
        final String id = submit(claim);
        assertThat(attest(claim, 0, "11.58").status()).isEqualTo(201);
        assertThat(attest(claim, 0, "11.58").code()).isEqualTo("ATTESTATION_EXISTS");
        assertThat(attest(claim, 1, "11.60").status()).isEqualTo(201);
        final ObjectNode args = Json.object();
        args.putArray("claims").add(id);
        assertThat(instruction("/validators/certificates", "certificates.issue", args)
                        .code())
                .isEqualTo("QUORUM_NOT_REACHED");
        assertThat(attest(claim, 2, "11.50").status()).isEqualTo(201);
        assertThat(gateway.get("/owners/claims/" + id).json().path("status").stringValue())
                .isEqualTo("VERIFIED");

        final Gateway.Response issued = instruction("/validators/certificates", "certificates.issue", args);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        final CertificateRecord record = LedgerJson.readList(
                        issued.body().getBytes(StandardCharsets.UTF_8), CertificateRecord.class)
                .get(0);
        assertThat(record.quantity()).isEqualTo("11.58");
        final var certificate = VcJwt.sign(
                ImpactCredentials.certificate(
                        record,
                        registry.protocol(CARGO, "1.1.0"),
                        "http://registry.test",
                        "http://registry.test/c",
                        record.attestations().stream()
                                .map(a -> "http://registry.test/a/" + a.verifier())
                                .toList(),
                        List.of(),
                        Instant.now()),
                agents.validator().key(),
                Instant.now());
        final ObjectNode attach = Json.object();
        attach.putArray("credentials").add(certificate.compact());
        final Gateway.Response active = gateway.postJson("/validators/certificates/credentials", attach);
        assertThat(active.status()).as(active.body()).isEqualTo(200);
        assertThat(active.json().get(0).path("status").stringValue()).isEqualTo("ACTIVE");

        final String serial = record.serial();
        final ObjectNode status = Json.object().put("serial", serial).put("reason", "audit");
        assertThat(instruction("/validators/certificates/" + serial + "/suspend", "certificates.suspend", status)
                        .json()
                        .path("status")
                        .stringValue())
                .isEqualTo("SUSPENDED");
        assertThat(instruction(
                                "/validators/certificates/" + serial + "/reinstate",
                                "certificates.reinstate",
                                status.put("reason", "audit passed"))
                        .json()
                        .path("status")
                        .stringValue())
                .isEqualTo("ACTIVE");
        assertThat(instruction("/validators/certificates/" + serial + "/destroy", "certificates.revoke", status)
                        .code())
                .isEqualTo("NOT_FOUND");

        final ObjectNode again = Json.object();
        again.putArray("credentials").add(claim("MANUAL-1").compact());
        final Gateway.Response doubleCounted = gateway.postJson("/owners/claims", again);
        assertThat(doubleCounted.status()).isEqualTo(409);
        assertThat(doubleCounted.code()).isEqualTo("DOUBLE_COUNTING");
    }

    @Test
    void a_dispute_is_visible_and_the_validator_can_reject_the_claim() {
        final SignedCredential claim = claim("MANUAL-2");
        final String id = submit(claim);
        attest(claim, 0, "11.58");
        attest(claim, 1, "5.00");
        attest(claim, 2, "20.00");
        assertThat(gateway.get("/owners/claims/" + id).json().path("status").stringValue())
                .isEqualTo("DISPUTED");

        final Gateway.Response rejected = instruction(
                "/validators/claims/reject",
                "claims.reject",
                Json.object().put("claim", id).put("reason", "values irreconcilable"));

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().path("status").stringValue()).isEqualTo("REJECTED");
        assertThat(attest(claim, 3, "11.58").code()).isEqualTo("CLAIM_STATE_INVALID");
    }
}
