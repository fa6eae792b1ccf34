package io.impactproof.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.Instructions;
import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.credentials.status.BitstringStatusList;
import io.impactproof.gateway.agents.ManagedAgents;
import io.impactproof.model.certificate.StatusLists;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The real service on a random port and an embedded ledger in a temporary folder, driven over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayIntegrationTests {
    private static final String CARGO = "cargo-bike-delivery";

    @TempDir
    static Path data;

    private Gateway gateway;
    private ManagedAgents agents;
    private SigningKey owner;
    private SigningKey financer;
    private int tracking;

    @BeforeAll
    void start() {
        gateway = Gateway.start(data, true);
        agents = gateway.bean(ManagedAgents.class);
        owner = SigningKey.generateEd25519DidKey();
        financer = SigningKey.of("did:web:fund.test#key-1", SigningKey.newEd25519());
        agents.register(financer, "fund", "financer");
        final var registration =
                Instructions.registration(owner.did(), "Cargo coop", agents.organisation(), List.of("owner"), owner);
        final Gateway.Response registered = gateway.postJson(
                "/operators/participants",
                Json.object()
                        .put(
                                "instruction",
                                Instructions.sign(
                                        agents.operator(), "participants.register", registration, Instant.now())));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    private SignedCredential claim(final SigningKey by) {
        final var protocol = gateway.bean(RegistryClient.class).protocol(CARGO, "1.1.0");
        final ObjectNode data = Json.parseObject(
                ("{'carrier_siren':'552100554','tracking_id':'HTTP-" + (++tracking) + "-" + UUID.randomUUID()
                                + "','courier_id':'c7','delivered_on':'2026-03-10','zone':'rural','mode':'cargo-bike','parcels':3,'distance_km':12.5}")
                        .replace('\'', '"'));
        final var evidence = "date,km\n2026-03-10,12.5\n".getBytes(StandardCharsets.UTF_8);
        return VcJwt.sign(
                ImpactCredentials.claim(
                        "urn:uuid:" + UUID.randomUUID(),
                        by.did(),
                        protocol,
                        data,
                        List.of(new ImpactCredentials.Evidence(
                                "http://registry.test/artifacts/sha256/" + Digests.sha256Hex(evidence),
                                "gps",
                                "text/csv",
                                evidence)),
                        Instant.now()),
                by,
                Instant.now());
    }

    private Gateway.Response submit(final String... compacts) {
        final ObjectNode body = Json.object();
        final var array = body.putArray("credentials");
        for (final String c : compacts) {
            array.add(c);
        }
        return gateway.postJson("/owners/claims", body);
    }

    private String certifiedSerial(final String claimId) throws InterruptedException {
        return gateway.awaitCertificate(claimId);
    }

    @Test
    void a_claim_goes_from_owner_to_certificate_through_the_agents() throws Exception {
        final SignedCredential claim = claim(owner);
        final Gateway.Response submitted = submit(claim.compact());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        final String id = submitted.json().get(0).path("id").stringValue();

        final String serial = certifiedSerial(id);

        final JsonNode certificate = gateway.get("/certificates/" + serial).json();
        assertThat(certificate.path("quantity").stringValue()).isEqualTo("11.58");
        assertThat(certificate.path("attestations")).hasSize(5);
        final Gateway.Response vc = gateway.get("/certificates/" + serial, "Accept", "application/vc+jwt");
        assertThat(vc.status()).isEqualTo(200);
        assertThat(vc.contentType()).startsWith("application/vc+jwt");
        assertThat(Digests.sri(vc.body().getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(certificate.path("credentialDigestSRI").stringValue());
        final JsonNode chain = gateway.get("/certificates/" + serial + "/chain").json();
        assertThat(chain.path("valid").booleanValue()).isTrue();
        assertThat(chain.toString())
                .as("every link is valid or, like the evidence that stays with the owner, said to be not checked")
                .doesNotContain("\"checked\":true,\"valid\":false");
        assertThat(chain.toString()).contains("\"kind\":\"evidence\"").contains("\"checked\":false");
        assertThat(gateway.get("/artifacts/sha256/" + claim.sha256Hex()).code())
                .as("claims hold personal data")
                .isEqualTo("FORBIDDEN");
        final String attestationHex = gateway.get("/verifiers/claims/" + id + "/attestations")
                .json()
                .get(0)
                .path("digest")
                .stringValue();
        final Gateway.Response artifact = gateway.get("/artifacts/sha256/" + attestationHex);
        assertThat(artifact.contentType()).startsWith("application/vc+jwt");
        assertThat(gateway.get("/verifiers/claims/" + id + "/attestations").json())
                .hasSize(5);
        final String certificateId = Json.parse(
                        new String(Base64.getUrlDecoder().decode(vc.body().split("\\.")[1]), StandardCharsets.UTF_8))
                .path("id")
                .stringValue();
        assertThat(gateway.get("/credentials?id=" + java.net.URLEncoder.encode(certificateId, StandardCharsets.UTF_8))
                        .body())
                .isEqualTo(vc.body());
        assertThat(gateway.get("/credentials?id=" + id).code())
                .as(gateway.get("/credentials?id=" + id).body())
                .isEqualTo("FORBIDDEN");
        assertThat(gateway.get("/credentials?id=urn:uuid:none").status()).isEqualTo(404);
    }

    @Test
    void an_operator_publishes_a_new_protocol_version_over_http() {
        final String definition =
                ManagedAgents.bundled("cargo-bike-delivery-1.1.0.yaml").replace("version: 1.1.0", "version: 1.2.0");
        final ObjectNode args = Json.object().put("definition", definition);
        final ObjectNode bindings = args.putObject("bindings");
        for (int i = 0; i < 5; i++) {
            bindings.put("verifier-" + (i + 1), agents.verifiers().get(i).did());
        }
        bindings.put("validator", agents.validator().did());

        final Gateway.Response published = gateway.postJson(
                "/operators/protocols",
                Json.object()
                        .put(
                                "instruction",
                                Instructions.sign(agents.operator(), "protocols.publish", args, Instant.now())));
        final Gateway.Response byOwner = gateway.postJson(
                "/operators/protocols",
                Json.object().put("instruction", Instructions.sign(owner, "protocols.publish", args, Instant.now())));

        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().path("version").stringValue()).isEqualTo("1.2.0");
        assertThat(byOwner.status()).isEqualTo(403);
        assertThat(gateway.get("/protocols/" + CARGO + "/1.2.0").status()).isEqualTo(200);
    }

    @Test
    void evidence_is_stored_write_once_and_served_with_its_media_type() {
        final String csv = "date,km\n2026-03-11,3\n";
        final String sha = Digests.sha256Hex(csv.getBytes(StandardCharsets.UTF_8));
        final String upload = "Instruction "
                + Instructions.sign(owner, "evidence.upload", Json.object().put("sha256", sha), Instant.now());
        final String byVerifier = "Instruction "
                + Instructions.sign(
                        agents.verifiers().get(0).key(),
                        "evidence.upload",
                        Json.object().put("sha256", sha),
                        Instant.now());

        assertThat(gateway.post("/owners/evidence", "text/csv", csv).code()).isEqualTo("AUTHORIZATION_REQUIRED");
        assertThat(gateway.post("/owners/evidence", "text/csv", csv, "Authorization", byVerifier)
                        .code())
                .isEqualTo("WRONG_ROLE");
        assertThat(gateway.post("/owners/evidence", "text/csv", csv + "x", "Authorization", upload)
                        .code())
                .as("the signature covers these bytes only")
                .isEqualTo("INSTRUCTION_INVALID");
        assertThat(gateway.post("/owners/evidence", "text/html", csv, "Authorization", upload)
                        .status())
                .isEqualTo(415);
        assertThat(gateway.get("/artifacts/sha256/" + sha).code())
                .as("a refused upload stores nothing")
                .isEqualTo("NOT_FOUND");
        final Gateway.Response stored = gateway.post("/owners/evidence", "text/csv", csv, "Authorization", upload);

        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        final String hex = stored.json().path("sha256").stringValue();
        assertThat(stored.json().path("digestSRI").stringValue())
                .isEqualTo(Digests.sri("date,km\n2026-03-11,3\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(gateway.get("/artifacts/sha256/" + hex).status())
                .as("evidence is for registered participants")
                .isEqualTo(401);
        final String read =
                Instructions.sign(owner, "artifacts.read", Json.object().put("sha256", hex), Instant.now());
        assertThat(gateway.get(
                                "/artifacts/sha256/" + hex,
                                "Authorization",
                                "Instruction "
                                        + Instructions.sign(
                                                SigningKey.generateEd25519DidKey(),
                                                "artifacts.read",
                                                Json.object().put("sha256", hex),
                                                Instant.now()))
                        .code())
                .isEqualTo("KEY_NOT_FOUND");
        final Gateway.Response served = gateway.get("/artifacts/sha256/" + hex, "Authorization", "Instruction " + read);
        assertThat(served.contentType()).startsWith("text/csv");
        assertThat(served.body()).isEqualTo("date,km\n2026-03-11,3\n");
        assertThat(gateway.get("/artifacts/sha256/" + "0".repeat(64)).status()).isEqualTo(404);
        assertThat(gateway.get(
                                "/artifacts/sha256/" + hex,
                                "Authorization",
                                "Instruction "
                                        + Instructions.sign(
                                                owner,
                                                "artifacts.read",
                                                Json.object().put("sha256", "0"),
                                                Instant.now()))
                        .code())
                .isEqualTo("INSTRUCTION_INVALID");
    }

    @Test
    void unsigned_wrongly_signed_and_wrong_role_requests_are_refused_with_problem_json() {
        final Gateway.Response unsigned = submit("not-a-credential");
        final SignedCredential byStranger = claim(SigningKey.generateEd25519DidKey());
        final SignedCredential byFinancer = claim(financer);
        final String[] parts = claim(owner).compact().split("\\.");
        final String forged = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                                .replace("\"parcels\":3", "\"parcels\":30")
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.contentType()).startsWith("application/problem+json");
        assertThat(unsigned.code()).isEqualTo("MALFORMED_JWT");
        assertThat(submit(byStranger.compact()).code()).isEqualTo("KEY_NOT_FOUND");
        assertThat(submit(byStranger.compact()).status()).isEqualTo(401);
        assertThat(submit(forged).code()).isEqualTo("SIGNATURE_INVALID");
        final Gateway.Response wrongRole = submit(byFinancer.compact());
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.code()).isEqualTo("WRONG_ROLE");
        assertThat(gateway.postJson("/owners/claims", Json.object()).code()).isEqualTo("ARGUMENT_INVALID");
        final Gateway.Response byNonOperator = gateway.postJson(
                "/operators/participants",
                Json.object()
                        .put(
                                "instruction",
                                Instructions.sign(
                                        owner,
                                        "participants.register",
                                        Instructions.registration(
                                                financer.did(), "x", agents.organisation(), List.of("owner"), financer),
                                        Instant.now())));
        assertThat(byNonOperator.status()).isEqualTo(403);
        assertThat(byNonOperator.code()).isEqualTo("WRONG_ROLE");
        assertThat(gateway.postJson("/validators/certificates", Json.object()).code())
                .isEqualTo("ARGUMENT_INVALID");
    }

    @Test
    void a_claim_credential_is_readable_only_by_its_owner_verifiers_and_validators() throws Exception {
        final SignedCredential claim = claim(owner);
        final String id = submit(claim.compact()).json().get(0).path("id").stringValue();
        final String path = "/verifiers/claims/" + id + "/credential";

        assertThat(gateway.get(path).status()).isEqualTo(401);
        assertThat(gateway.get(path, "Authorization", "Instruction " + read(financer, id))
                        .code())
                .isEqualTo("FORBIDDEN");
        assertThat(gateway.get(path, "Authorization", "Instruction " + read(SigningKey.generateEd25519DidKey(), id))
                        .code())
                .isEqualTo("KEY_NOT_FOUND");
        assertThat(gateway.get(path, "Authorization", "Basic abc").status()).isEqualTo(401);
        final Gateway.Response byVerifier = gateway.get(
                path,
                "Authorization",
                "Instruction " + read(agents.verifiers().get(0).key(), id));
        assertThat(byVerifier.status()).isEqualTo(200);
        assertThat(byVerifier.body()).isEqualTo(claim.compact());
        assertThat(gateway.get(path, "Authorization", "Instruction " + read(owner, id))
                        .status())
                .isEqualTo(200);
        assertThat(gateway.get(path, "Authorization", "Instruction " + read(owner, "urn:uuid:other"))
                        .code())
                .isEqualTo("INSTRUCTION_INVALID");
    }

    @Test
    void the_validator_revokes_and_the_status_list_shows_it() throws Exception {
        final String id =
                submit(claim(owner).compact()).json().get(0).path("id").stringValue();
        final String serial = certifiedSerial(id);
        final long index = gateway.get("/certificates/" + serial)
                .json()
                .path("statusIndex")
                .longValue();
        final ObjectNode args = Json.object().put("serial", serial).put("reason", "fraud found in the delivery logs");

        final Gateway.Response byOwner = gateway.postJson(
                "/validators/certificates/" + serial + "/revoke",
                Json.object().put("instruction", Instructions.sign(owner, "certificates.revoke", args, Instant.now())));
        final Gateway.Response revoked = gateway.postJson(
                "/validators/certificates/" + serial + "/revoke",
                Json.object()
                        .put(
                                "instruction",
                                Instructions.sign(
                                        agents.validator().key(), "certificates.revoke", args, Instant.now())));

        assertThat(byOwner.status()).isEqualTo(403);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("status").stringValue()).isEqualTo("REVOKED");
        final String list =
                gateway.get("/status/revocation/" + StatusLists.list(index)).body();
        final JsonNode payload =
                Json.parse(new String(Base64.getUrlDecoder().decode(list.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(BitstringStatusList.decode(payload.path("credentialSubject")
                                .path("encodedList")
                                .stringValue())
                        .get(StatusLists.index(index)))
                .isTrue();
        assertThat(gateway.get("/status/suspension/" + StatusLists.list(index)).status())
                .isEqualTo(200);
        assertThat(gateway.get("/status/other/0").code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void public_documents_protocols_participants_did_documents_ledger_health_and_openapi() {
        final Gateway.Response protocol = gateway.get("/protocols/" + CARGO + "/1.1.0");
        assertThat(Digests.sha256Hex(protocol.body().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(
                        gateway.get("/protocols").json().get(0).path("digest").stringValue());
        assertThat(gateway.get("/participants/" + owner.did())
                        .json()
                        .path("roles")
                        .get(0)
                        .stringValue())
                .isEqualTo("OWNER");
        assertThat(gateway.get("/participants/" + owner.did() + "/did.json")
                        .json()
                        .path("assertionMethod")
                        .get(0)
                        .stringValue())
                .isEqualTo(owner.keyId());
        assertThat(gateway.get("/agents/verifier-1/did.json").json().path("id").stringValue())
                .isEqualTo(agents.verifiers().get(0).did());
        assertThat(gateway.get("/agents/nobody/did.json").status()).isEqualTo(404);
        assertThat(gateway.get("/operators/ledger")
                        .json()
                        .path("chain")
                        .path("valid")
                        .booleanValue())
                .isTrue();
        final JsonNode health = gateway.get("/actuator/health").json();
        assertThat(health.path("status").stringValue()).isEqualTo("UP");
        assertThat(health.path("components")
                        .path("ledger")
                        .path("details")
                        .path("kind")
                        .stringValue())
                .isEqualTo("embedded");
        assertThat(gateway.get("/v3/api-docs").json().path("paths").has("/owners/claims"))
                .isTrue();
        assertThat(gateway.get("/verifiers/" + agents.verifiers().get(0).did() + "/awaiting")
                        .status())
                .isEqualTo(200);
    }

    private static String read(final SigningKey by, final String claimId) {
        return Instructions.sign(by, "claims.read", Json.object().put("claim", claimId), Instant.now());
    }
}
