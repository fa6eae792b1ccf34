package io.impactproof.gateway.http;

import static io.impactproof.gateway.http.Fixture.batch;
import static io.impactproof.gateway.http.Fixture.instruction;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.Instructions;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.credentials.vc.VerifiableCredential;
import io.impactproof.model.Actions;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.claim.ClaimRecord;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile and careless input over HTTP, endpoint by endpoint: each request is refused with its
 * status and stable code, as problem+json, and leaves the ledger's height and every file of the
 * node's data exactly as they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIntegrationTests {
    @TempDir
    static Path data;

    private Fixture f;
    private Gateway gateway;
    private CertificateRecord certificate;

    @BeforeAll
    void start() {
        f = new Fixture(data);
        gateway = f.gateway;
        certificate = f.active();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private Gateway.Response postClaims(final ObjectNode body) {
        return gateway.postJson("/owners/claims", body);
    }

    private static String tamper(final String compact, final String from, final String to) {
        final String[] parts = compact.split("\\.");
        final String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace(from, to).getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private SignedCredential claimChanged(final SigningKey by, final java.util.function.Consumer<ObjectNode> change) {
        final ObjectNode json = ImpactCredentials.claim(
                        "urn:uuid:" + UUID.randomUUID(),
                        by.did(),
                        f.protocol(),
                        Gateway.delivery("BAD-" + UUID.randomUUID()),
                        List.of(),
                        Instant.now())
                .toJson();
        change.accept(json);
        return VcJwt.sign(VerifiableCredential.fromJson(json), by, Instant.now());
    }

    @Test
    void claims() {
        f.refused(400, "BODY_INVALID", () -> gateway.post("/owners/claims", "application/json", "{\"credentials\": ["));
        f.refused(400, "BODY_INVALID", () -> postClaims(Json.object().put("credentials", "not a list")));
        f.refused(400, "ARGUMENT_INVALID", () -> postClaims(Json.object().set("credentials", Json.array())));
        f.refused(400, "ARGUMENT_INVALID", () -> postClaims(Json.object()));
        f.refused(
                401,
                "MALFORMED_JWT",
                () -> postClaims(Json.object().set("credentials", Json.array().add("a.b"))));
        f.refused(415, "MEDIA_TYPE_UNSUPPORTED", () -> gateway.post("/owners/claims", "text/plain", "{}"));
        f.refused(
                413, "BODY_TOO_LARGE", () -> gateway.post("/owners/claims", "application/json", "x".repeat(9_000_000)));
        final SignedCredential good = f.claim(f.owner);
        f.refused(
                401,
                "SIGNATURE_INVALID",
                () -> postClaims(Json.object()
                        .set(
                                "credentials",
                                Json.array().add(tamper(good.compact(), "\"parcels\":3", "\"parcels\":30")))));
        f.refused(401, "KEY_NOT_FOUND", () -> postClaims(batch(f.claim(f.stranger))));
        f.refused(403, "WRONG_ROLE", () -> postClaims(batch(f.claim(f.financer))));
        f.refused(403, "WRONG_ORGANISATION", () -> postClaims(batch(f.claim(f.owner2))));
        f.refused(
                404,
                "PROTOCOL_NOT_FOUND",
                () -> postClaims(batch(claimChanged(
                        f.owner,
                        vc -> vc.withObject("credentialSubject")
                                .withObject("protocol")
                                .put("id", "urn:impactproof:protocol:cargo-bike-delivery:9.9.9")))));
        f.refused(
                422,
                "PROTOCOL_DIGEST_MISMATCH",
                () -> postClaims(batch(claimChanged(
                        f.owner,
                        vc -> vc.withObject("credentialSubject")
                                .withObject("protocol")
                                .put("digestSRI", "sha384-AAAA")))));
        f.refused(
                422,
                "CLAIM_DATA_INVALID",
                () -> postClaims(
                        batch(f.claim(f.owner, Gateway.delivery("BAD-SCHEMA-1").put("parcels", "three")))));
        f.refused(
                422,
                "CLAIM_DATA_INVALID",
                () -> postClaims(batch(f.claim(f.owner, Gateway.delivery("BAD-NUL-1\u0000")))));
        f.refused(422, "CLAIM_DATA_INVALID", () -> postClaims(batch(f.claim(f.owner, Gateway.delivery("ＢＡＤ-ＷＩＤＥ-1")))));
        f.refused(
                422,
                "CLAIM_INELIGIBLE",
                () -> postClaims(
                        batch(f.claim(f.owner, Gateway.delivery("BAD-VAN-1").put("mode", "van")))));
        f.refused(
                400,
                "ARGUMENT_INVALID",
                () -> postClaims(batch(claimChanged(f.owner, vc -> vc.put("id", "urn:x:" + "a".repeat(5000))))));
        f.refused(
                401,
                "EXPIRED",
                () -> postClaims(batch(claimChanged(
                        f.owner,
                        vc -> vc.put("validFrom", "2020-01-01T00:00:00Z").put("validUntil", "2020-02-01T00:00:00Z")))));
        f.refused(
                401,
                "NOT_YET_VALID",
                () -> postClaims(batch(claimChanged(f.owner, vc -> vc.put("validFrom", "2099-01-01T00:00:00Z")))));
        final String none = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\",\"typ\":\"vc+jwt\"}".getBytes(StandardCharsets.UTF_8))
                + "." + good.compact().split("\\.")[1] + ".";
        f.refused(
                401,
                "ALG_NOT_ALLOWED",
                () -> postClaims(Json.object().set("credentials", Json.array().add(none))));
    }

    @Test
    void claims_for_an_activity_already_claimed_or_counted_and_replays() {
        final SignedCredential recorded = f.claim(f.owner, Gateway.delivery("BAD-PENDING-1"));
        assertThat(postClaims(batch(recorded)).status()).isEqualTo(201);
        f.refused(
                409, "ACTIVITY_CLAIMED", () -> postClaims(batch(f.claim(f.owner, Gateway.delivery("bad-pending-1")))));
        f.active(Gateway.delivery("BAD-COUNTED-1"));
        f.refused(409, "DOUBLE_COUNTING", () -> postClaims(batch(f.claim(f.owner, Gateway.delivery("BAD-COUNTED-1")))));

        final var before = f.snapshot();
        final Gateway.Response replay = postClaims(batch(recorded));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().get(0).path("id").stringValue())
                .isEqualTo(recorded.credential().id().orElseThrow());
        assertThat(f.snapshot()).as("a replayed claim appends nothing").isEqualTo(before);
    }

    @Test
    void evidence_uploads() {
        final String csv = "t,km\n1,2\n";
        final String sha = Digests.sha256Hex(csv.getBytes(StandardCharsets.UTF_8));
        final String byOwner = "Instruction "
                + Fixture.sign(f.owner, Actions.UPLOAD_EVIDENCE, Json.object().put("sha256", sha));
        f.refused(401, "AUTHORIZATION_REQUIRED", () -> gateway.post("/owners/evidence", "text/csv", csv));
        f.refused(
                415,
                "MEDIA_TYPE_UNSUPPORTED",
                () -> gateway.post("/owners/evidence", "text/html", csv, "Authorization", byOwner));
        f.refused(
                413,
                "BODY_TOO_LARGE",
                () -> gateway.post("/owners/evidence", "text/csv", "x".repeat(17_000_000), "Authorization", byOwner));
        f.refused(
                401,
                "INSTRUCTION_INVALID",
                () -> gateway.post("/owners/evidence", "text/csv", csv + "!", "Authorization", byOwner));
        f.refused(
                403,
                "WRONG_ROLE",
                () -> gateway.post(
                        "/owners/evidence",
                        "text/csv",
                        csv,
                        "Authorization",
                        "Instruction "
                                + Fixture.sign(
                                        f.financer,
                                        Actions.UPLOAD_EVIDENCE,
                                        Json.object().put("sha256", sha))));
        f.refused(
                403,
                "WRONG_ORGANISATION",
                () -> gateway.post(
                        "/owners/evidence",
                        "text/csv",
                        csv,
                        "Authorization",
                        "Instruction "
                                + Fixture.sign(
                                        f.owner2,
                                        Actions.UPLOAD_EVIDENCE,
                                        Json.object().put("sha256", sha))));
        f.refused(
                401,
                "KEY_NOT_FOUND",
                () -> gateway.post(
                        "/owners/evidence",
                        "text/csv",
                        csv,
                        "Authorization",
                        "Instruction "
                                + Fixture.sign(
                                        f.stranger,
                                        Actions.UPLOAD_EVIDENCE,
                                        Json.object().put("sha256", sha))));
        f.refused(
                400, "BODY_INVALID", () -> gateway.post("/owners/evidence", "text/csv", "", "Authorization", byOwner));
    }

    @Test
    void attestations() {
        final ClaimRecord claim = f.submitted();
        final var protocol = f.protocol();
        final SignedCredential claimCredential = io.impactproof.gateway.artifacts.StoredCredentials.read(
                gateway.bean(io.impactproof.gateway.artifacts.ContentStore.class), claim.digest());
        final java.util.function.BiFunction<SigningKey, String, SignedCredential> attestation =
                (by, value) -> VcJwt.sign(
                        ImpactCredentials.attestation(
                                "urn:uuid:" + UUID.randomUUID(),
                                by.did(),
                                claimCredential,
                                "http://registry.test/c",
                                protocol,
                                value,
                                "Verified",
                                Instant.now()),
                        by,
                        Instant.now());
        final String path = "/verifiers/attestations";
        f.refused(
                403,
                "VERIFIER_NOT_DESIGNATED",
                () -> gateway.postJson(path, batch(attestation.apply(f.verifier2, "11.58"))));
        f.refused(403, "WRONG_ROLE", () -> gateway.postJson(path, batch(attestation.apply(f.owner, "11.58"))));
        f.refused(
                422,
                "VALUE_OUT_OF_RANGE",
                () -> gateway.postJson(path, batch(attestation.apply(f.verifier(), "0.00"))));
        f.refused(
                422,
                "VALUE_OUT_OF_RANGE",
                () -> gateway.postJson(path, batch(attestation.apply(f.verifier(), "-11.58"))));
        f.refused(422, "VALUES_INVALID", () -> gateway.postJson(path, batch(attestation.apply(f.verifier(), "1e3"))));
        final ObjectNode wrongUnit = ImpactCredentials.attestation(
                        "urn:uuid:" + UUID.randomUUID(),
                        f.verifier().did(),
                        claimCredential,
                        "http://registry.test/c",
                        protocol,
                        "11.58",
                        "Verified",
                        Instant.now())
                .toJson();
        ((ObjectNode) wrongUnit.get("credentialSubject").get("verifiedImpact").get(0)).put("unit", "kWh");
        f.refused(
                422,
                "UNIT_MISMATCH",
                () -> gateway.postJson(
                        path,
                        batch(VcJwt.sign(VerifiableCredential.fromJson(wrongUnit), f.verifier(), Instant.now()))));
        final SignedCredential certified = io.impactproof.gateway.artifacts.StoredCredentials.read(
                gateway.bean(io.impactproof.gateway.artifacts.ContentStore.class),
                f.registry.claim(certificate.claim()).digest());
        f.refused(
                409,
                "CLAIM_STATE_INVALID",
                () -> gateway.postJson(
                        path,
                        batch(VcJwt.sign(
                                ImpactCredentials.attestation(
                                        "urn:uuid:" + UUID.randomUUID(),
                                        f.agents.verifiers().get(4).did(),
                                        certified,
                                        "http://registry.test/claims/certified",
                                        protocol,
                                        "11.58",
                                        "Verified",
                                        Instant.now()),
                                f.agents.verifiers().get(4).key(),
                                Instant.now()))));
        f.refused(400, "TYPE_NOT_EXPECTED", () -> gateway.postJson(path, batch(claimCredential)));
    }

    @Test
    void validators() {
        final ClaimRecord submitted = f.submitted();
        final CertificateRecord active = f.active();
        f.refused(
                403,
                "WRONG_ROLE",
                () -> gateway.postJson(
                        "/validators/certificates",
                        instruction(f.owner, Actions.ISSUE, Json.object().put("claim", submitted.id()))));
        f.refused(
                409,
                "QUORUM_NOT_REACHED",
                () -> gateway.postJson(
                        "/validators/certificates",
                        instruction(f.validator(), Actions.ISSUE, Json.object().put("claim", submitted.id()))));
        f.refused(
                401,
                "INSTRUCTION_INVALID",
                () -> gateway.postJson(
                        "/validators/certificates",
                        Json.object()
                                .put(
                                        "instruction",
                                        Instructions.sign(
                                                f.validator(),
                                                Actions.ISSUE,
                                                Json.object().put("claim", submitted.id()),
                                                Instant.now().minus(Duration.ofMinutes(20))))));
        f.refused(
                401,
                "INSTRUCTION_INVALID",
                () -> gateway.postJson(
                        "/validators/certificates",
                        instruction(f.validator(), Actions.REVOKE, Json.object().put("claim", submitted.id()))));
        f.refused(400, "ARGUMENT_INVALID", () -> gateway.postJson("/validators/certificates", Json.object()));
        final ObjectNode suspend = Json.object().put("serial", active.serial()).put("reason", "audit");
        final ObjectNode once = instruction(f.validator(), Actions.SUSPEND, suspend);
        assertThat(gateway.postJson("/validators/certificates/" + active.serial() + "/suspend", once)
                        .status())
                .isEqualTo(200);
        f.refused(
                409,
                "INSTRUCTION_REPLAYED",
                () -> gateway.postJson("/validators/certificates/" + active.serial() + "/suspend", once));
        f.refused(
                409,
                "CERTIFICATE_STATE_INVALID",
                () -> gateway.postJson(
                        "/validators/certificates/" + active.serial() + "/suspend",
                        instruction(
                                f.validator(),
                                Actions.SUSPEND,
                                suspend.deepCopy().put("reason", "again"))));
        f.refused(
                400,
                "PATH_MISMATCH",
                () -> gateway.postJson(
                        "/validators/certificates/" + certificate.serial() + "/suspend",
                        instruction(
                                f.validator(),
                                Actions.SUSPEND,
                                suspend.deepCopy().put("reason", "other"))));
        f.refused(
                404,
                "NOT_FOUND",
                () -> gateway.postJson(
                        "/validators/certificates/" + active.serial() + "/destroy",
                        instruction(f.validator(), "certificates.destroy", suspend)));
        f.refused(
                400,
                "ARGUMENT_INVALID",
                () -> gateway.postJson(
                        "/validators/claims/reject",
                        instruction(
                                f.validator(),
                                Actions.REJECT,
                                Json.object().put("claim", submitted.id()).put("reason", "r".repeat(5000)))));
        f.refused(
                404,
                "CLAIM_NOT_FOUND",
                () -> gateway.postJson(
                        "/validators/claims/reject",
                        instruction(
                                f.validator(),
                                Actions.REJECT,
                                Json.object().put("claim", "urn:x:none").put("reason", "r"))));
    }

    @Test
    void a_forged_certificate_credential_cannot_replace_what_is_served_by_id() {
        final String id = "http://registry.test/certificates/" + certificate.serial();
        final String real = gateway.get("/credentials?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8))
                .body();
        // Signed by a stranger's key in the validator's name: our library will not sign that, so the JWS is built raw.
        final String forged = VcJwt.signJws(
                VcJwt.TYP,
                VcJwt.CTY,
                io.impactproof.gateway.artifacts.StoredCredentials.parse(real)
                        .credential()
                        .toJson()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8),
                f.stranger);
        final String sha = Digests.sha256Hex(forged.getBytes(StandardCharsets.US_ASCII));
        // A registered owner uploads the forged bytes as "evidence", then tries them as the certificate.
        assertThat(gateway.post(
                                "/owners/evidence",
                                "text/plain",
                                forged,
                                "Authorization",
                                "Instruction "
                                        + Fixture.sign(
                                                f.owner,
                                                Actions.UPLOAD_EVIDENCE,
                                                Json.object().put("sha256", sha)))
                        .status())
                .isEqualTo(201);
        f.refused(
                401,
                "KEY_NOT_FOUND",
                () -> gateway.postJson(
                        "/validators/certificates/credentials",
                        Json.object().set("credentials", Json.array().add(forged))));
        final String forgedByValidator = VcJwt.sign(
                        VerifiableCredential.fromJson(io.impactproof.gateway.artifacts.StoredCredentials.parse(real)
                                .credential()
                                .toJson()
                                .put("name", "forged")),
                        f.validator(),
                        Instant.now())
                .compact();
        f.refused(
                409,
                "CERTIFICATE_STATE_INVALID",
                () -> gateway.postJson(
                        "/validators/certificates/credentials",
                        Json.object().set("credentials", Json.array().add(forgedByValidator))));

        final Gateway.Response served = gateway.get("/credentials?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body())
                .as("what is served by id is what the ledger recorded")
                .isEqualTo(real);
        f.refused(404, "NOT_FOUND", () -> gateway.get("/credentials?id=urn:uuid:" + UUID.randomUUID()));
        f.refused(400, "PARAMETER_INVALID", () -> gateway.get("/credentials"));
    }

    @Test
    void holders() {
        final CertificateRecord held = f.active();
        final String transfer = "/financers/certificates/" + held.serial() + "/transfer";
        f.refused(
                403,
                "NOT_HOLDER",
                () -> gateway.postJson(
                        transfer,
                        instruction(
                                f.financer,
                                Actions.TRANSFER,
                                Json.object().put("serial", held.serial()).put("to", f.financer.did()))));
        f.refused(
                400,
                "PATH_MISMATCH",
                () -> gateway.postJson(
                        "/financers/certificates/NO-SUCH-SERIAL/transfer",
                        instruction(
                                f.owner,
                                Actions.TRANSFER,
                                Json.object().put("serial", held.serial()).put("to", f.financer.did()))));
        f.refused(
                403,
                "WRONG_ROLE",
                () -> gateway.postJson(
                        transfer,
                        instruction(
                                f.owner,
                                Actions.TRANSFER,
                                Json.object()
                                        .put("serial", held.serial())
                                        .put("to", f.verifier().did()))));
        f.refused(
                404,
                "PARTICIPANT_NOT_FOUND",
                () -> gateway.postJson(
                        transfer,
                        instruction(
                                f.owner,
                                Actions.TRANSFER,
                                Json.object().put("serial", held.serial()).put("to", "did:web:nobody.example"))));
        final ObjectNode retire = Json.object()
                .put("serial", held.serial())
                .put("beneficiary", "b".repeat(150_000))
                .put("purpose", "report")
                .put("jurisdiction", "FR")
                .put("reportingPeriod", "2026");
        f.refused(
                400,
                "ARGUMENT_INVALID",
                () -> gateway.postJson(
                        "/financers/certificates/" + held.serial() + "/retire",
                        instruction(f.owner, Actions.RETIRE, retire)));
        final ObjectNode split = Json.object().put("serial", held.serial());
        split.putArray("quantities").add("1.00").add("2.00");
        f.refused(
                400,
                "ARGUMENT_INVALID",
                () -> gateway.postJson(
                        "/financers/certificates/" + held.serial() + "/split",
                        instruction(f.owner, Actions.SPLIT, split)));
        final ObjectNode tooMany = Json.object().put("serial", held.serial());
        for (int i = 0; i < 101; i++) {
            tooMany.withArray("quantities").add("0.01");
        }
        f.refused(
                400,
                "ARGUMENT_INVALID",
                () -> gateway.postJson(
                        "/financers/certificates/" + held.serial() + "/split",
                        instruction(f.owner, Actions.SPLIT, tooMany)));
        f.refused(
                404,
                "NOT_FOUND",
                () -> gateway.postJson(
                        "/financers/certificates/" + held.serial() + "/burn",
                        instruction(f.owner, "certificates.burn", Json.object().put("serial", held.serial()))));
    }

    @Test
    void operators() {
        final SigningKey newcomer = SigningKey.generateEd25519DidKey();
        f.refused(
                403,
                "WRONG_ROLE",
                () -> gateway.postJson(
                        "/operators/participants",
                        instruction(
                                f.owner,
                                Actions.REGISTER,
                                Instructions.registration(
                                        newcomer.did(), "x", "Org1MSP", List.of("owner"), newcomer))));
        f.refused(
                400,
                "ARGUMENT_INVALID",
                () -> gateway.postJson(
                        "/operators/participants",
                        instruction(
                                f.operator(),
                                Actions.REGISTER,
                                Instructions.registration(
                                        newcomer.did(), "n".repeat(100_000), "Org1MSP", List.of("owner"), newcomer))));
        f.refused(
                403,
                "WRONG_ORGANISATION",
                () -> gateway.postJson(
                        "/operators/participants",
                        instruction(
                                f.operator(),
                                Actions.REGISTER,
                                Instructions.registration(
                                        newcomer.did(), "x", Fixture.ORG2, List.of("owner"), newcomer))));
        f.refused(
                400,
                "ARGUMENT_INVALID",
                () -> gateway.postJson(
                        "/operators/participants",
                        instruction(
                                f.operator(),
                                Actions.REGISTER,
                                Instructions.registration(
                                        newcomer.did(), "x", "Org1MSP", List.of("emperor"), newcomer))));
        final Gateway.Response unknownField = f.refused(
                422,
                "PROTOCOL_UNKNOWN_FIELD",
                () -> gateway.postJson(
                        "/operators/protocols",
                        instruction(
                                f.operator(),
                                Actions.PUBLISH,
                                Json.object().put("definition", "id: x\nversion: 1.0.0\ncolour: red\n"))));
        assertThat(unknownField.json().path("detail").stringValue())
                .as("the detail speaks the API's language, not Java's")
                .doesNotContain("io.impactproof")
                .doesNotContain("java.")
                .contains("colour");
        f.refused(
                422,
                "PROTOCOL_MALFORMED",
                () -> gateway.postJson(
                        "/operators/protocols",
                        instruction(f.operator(), Actions.PUBLISH, Json.object().put("definition", "- a\n- b\n"))));
        f.refused(
                403,
                "WRONG_ROLE",
                () -> gateway.postJson(
                        "/operators/protocols",
                        instruction(f.owner, Actions.PUBLISH, Json.object().put("definition", "id: x\n"))));
    }

    @Test
    void reads_and_the_framework() throws Exception {
        f.refused(404, "CERTIFICATE_NOT_FOUND", () -> gateway.get("/certificates/IPC-NONE"));
        f.refused(400, "ARGUMENT_INVALID", () -> gateway.get("/status/revocation/-1"));
        f.refused(400, "PARAMETER_INVALID", () -> gateway.get("/status/revocation/abc"));
        f.refused(404, "NOT_FOUND", () -> gateway.get("/status/other/0"));
        f.refused(404, "NOT_FOUND", () -> gateway.get("/no/such/path"));
        f.refused(404, "NOT_FOUND", () -> gateway.get("/artifacts/sha256/../../etc/passwd"));
        f.refused(
                401,
                "AUTHORIZATION_REQUIRED",
                () -> gateway.get("/verifiers/claims/" + certificate.claim() + "/credential"));
        f.refused(
                403,
                "FORBIDDEN",
                () -> gateway.get(
                        "/verifiers/claims/" + certificate.claim() + "/credential",
                        "Authorization",
                        "Instruction "
                                + Fixture.sign(
                                        f.financer,
                                        Actions.READ_CLAIM,
                                        Json.object().put("claim", certificate.claim()))));
        f.refused(
                400,
                "PARAMETER_INVALID",
                () -> gateway.get("/verifiers/" + f.verifier().did() + "/awaiting?pageSize=0"));
        f.refused(400, "ARGUMENT_INVALID", () -> gateway.postJson("/credentials/verify", Json.object()));
        f.refused(405, "METHOD_NOT_ALLOWED", () -> send("DELETE", "/owners/claims"));
        f.refused(405, "METHOD_NOT_ALLOWED", () -> send("TRACE", "/"));
        f.refused(
                406,
                "NOT_ACCEPTABLE",
                () -> gateway.get("/certificates/" + certificate.serial(), "Accept", "application/xml"));
    }

    private Gateway.Response send(final String method, final String path) {
        try {
            final HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(gateway.base + path))
                                    .method(method, HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return new Gateway.Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
