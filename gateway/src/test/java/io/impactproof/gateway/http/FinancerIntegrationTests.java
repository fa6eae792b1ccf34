package io.impactproof.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.Instructions;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.gateway.agents.ManagedAgents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A financer verifies, buys (transfer), splits and retires certificates over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinancerIntegrationTests {
    @TempDir
    static Path data;

    private Gateway gateway;
    private ManagedAgents agents;
    private final SigningKey owner = SigningKey.generateEd25519DidKey();
    private final SigningKey fund = SigningKey.of("did:web:fund.example#key-1", SigningKey.newEd25519());

    @BeforeAll
    void start() {
        gateway = Gateway.start(data, true);
        agents = gateway.bean(ManagedAgents.class);
        agents.register(owner, "Atlantic employer", "owner");
        agents.register(fund, "Impact fund", "financer");
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    private String certified(final String commuter) throws InterruptedException {
        final var trip = Json.parseObject(("{'employer_siren':'356000000','commuter_id':'" + commuter
                        + "','trip_date':'2026-03-10','leg':'outbound',"
                        + "'mode':'bike','distance_km':12,'proof_level':'phone-detection','consent_month':'2026-03'}")
                .replace('\'', '"'));
        return gateway.awaitCertificate(gateway.submitClaim(owner, "home-to-work-commute", trip));
    }

    private Gateway.Response act(final String serial, final String action, final SigningKey by, final ObjectNode args) {
        return gateway.postJson(
                "/financers/certificates/" + serial + "/" + action,
                Json.object()
                        .put(
                                "instruction",
                                Instructions.sign(
                                        by, "certificates." + action, args.put("serial", serial), Instant.now())));
    }

    private Gateway.Response verify(final String compact) {
        return gateway.postJson("/credentials/verify", Json.object().put("verifiableCredential", compact));
    }

    @Test
    void a_financer_verifies_buys_splits_and_retires_and_sees_its_portfolio() throws Exception {
        final String serial = certified("emp-fin-0001");
        final String credential = gateway.get("/certificates/" + serial, "Accept", "application/vc+jwt")
                .body();

        final Gateway.Response verified = verify(credential);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().path("verified").booleanValue()).isTrue();
        assertThat(verified.json().path("credentialType").stringValue()).isEqualTo("ProofOfImpactCredential");
        final Gateway.Response enveloped = gateway.postJson(
                "/credentials/verify",
                Json.parse(
                        "{\"verifiableCredential\":{\"@context\":\"https://www.w3.org/ns/credentials/v2\",\"type\":\"EnvelopedVerifiableCredential\",\"id\":\"data:application/vc+jwt,"
                                + credential + "\"}}"));
        assertThat(enveloped.status()).isEqualTo(200);
        assertThat(gateway.post("/credentials/verify", "application/vc+jwt", credential)
                        .status())
                .isEqualTo(200);

        assertThat(act(serial, "transfer", fund, Json.object().put("to", fund.did()))
                        .code())
                .isEqualTo("NOT_HOLDER");
        final Gateway.Response bought =
                act(serial, "transfer", owner, Json.object().put("to", fund.did()));
        assertThat(bought.status()).as(bought.body()).isEqualTo(200);
        final ObjectNode split = Json.object();
        split.putArray("quantities").add("1.000").add("1.616");
        final JsonNode lots = act(serial, "split", fund, split).json();
        assertThat(lots).hasSize(2);
        final String lot = lots.get(0).path("serial").stringValue();
        final Gateway.Response retired = act(
                lot,
                "retire",
                fund,
                Json.object()
                        .put("beneficiary", "Ville de La Rochelle")
                        .put("purpose", "2026 climate report")
                        .put("jurisdiction", "FR")
                        .put("reportingPeriod", "2026"));
        assertThat(retired.json().path("status").stringValue()).isEqualTo("RETIRED");
        assertThat(act(
                                lot,
                                "retire",
                                fund,
                                Json.object()
                                        .put("beneficiary", "x")
                                        .put("purpose", "x")
                                        .put("jurisdiction", "FR")
                                        .put("reportingPeriod", "2026")
                                        .put("again", true))
                        .code())
                .isEqualTo("CERTIFICATE_STATE_INVALID");

        final JsonNode portfolio =
                gateway.get("/financers/" + fund.did() + "/portfolio").json();
        assertThat(portfolio.path("held")).hasSize(1);
        assertThat(portfolio.path("retired")).hasSize(1);
        assertThat(portfolio.path("totals")).hasSize(1);
        assertThat(portfolio.path("totals").get(0).path("unit").stringValue()).isEqualTo("kgCO2e");
        assertThat(portfolio.path("totals").get(0).path("held").stringValue()).isEqualTo("1.616");
        assertThat(portfolio.path("totals").get(0).path("retired").stringValue())
                .isEqualTo("1.000");
        assertThat(gateway.get("/certificates/" + serial + "/history").json())
                .extracting(m -> m.path("kind").stringValue())
                .containsExactly("issued", "transferred", "split");

        final Gateway.Response retirement = gateway.get("/certificates/" + lot + "/retirement");
        assertThat(retirement.status()).isEqualTo(200);
        assertThat(gateway.get("/certificates/" + lot + "/retirement").body()).isEqualTo(retirement.body());
        final JsonNode retirementCheck = verify(retirement.body()).json();
        assertThat(retirementCheck.path("verified").booleanValue())
                .as(retirementCheck.toString())
                .isTrue();
        assertThat(gateway.get("/certificates/" + serial + "/retirement").code())
                .isEqualTo("NOT_FOUND");
        assertThat(act(serial, "burn", fund, Json.object()).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void verification_fails_with_problem_details_for_tampered_revoked_and_unknown_credentials() throws Exception {
        final String serial = certified("emp-fin-0002");
        final String credential = gateway.get("/certificates/" + serial, "Accept", "application/vc+jwt")
                .body();
        final String[] parts = credential.split("\\.");
        final String tampered = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                                .replace("\"value\":\"2.616\"", "\"value\":\"26.16\"")
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        final Gateway.Response bad = verify(tampered);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("verified").booleanValue()).isFalse();
        assertThat(bad.json().path("problemDetails").get(0).path("code").stringValue())
                .isEqualTo("SIGNATURE_INVALID");
        assertThat(gateway.postJson("/credentials/verify", Json.object().put("x", 1))
                        .code())
                .isEqualTo("ARGUMENT_INVALID");

        final var revoke = Json.object().put("serial", serial).put("reason", "fraud");
        assertThat(gateway.postJson(
                                "/validators/certificates/" + serial + "/revoke",
                                Json.object()
                                        .put(
                                                "instruction",
                                                Instructions.sign(
                                                        agents.validator().key(),
                                                        "certificates.revoke",
                                                        revoke,
                                                        Instant.now())))
                        .status())
                .isEqualTo(200);
        final JsonNode revoked = verify(credential).json();
        assertThat(revoked.path("verified").booleanValue()).isFalse();
        assertThat(revoked.path("problemDetails").get(0).path("code").stringValue())
                .isEqualTo("CERTIFICATE_REVOKED");
    }

    @Test
    void claims_and_attestations_verify_against_the_ledger() throws Exception {
        final String serial = certified("emp-fin-0003");
        final JsonNode record = gateway.get("/certificates/" + serial).json();
        final String claimId = record.path("claim").stringValue();
        final String attestationHex = gateway.get("/verifiers/claims/" + claimId + "/attestations")
                .json()
                .get(0)
                .path("digest")
                .stringValue();
        final String claim = gateway.get(
                        "/verifiers/claims/" + claimId + "/credential",
                        "Authorization",
                        "Instruction "
                                + Instructions.sign(
                                        owner, "claims.read", Json.object().put("claim", claimId), Instant.now()))
                .body();

        final Gateway.Response claimCheck = verify(claim);
        assertThat(claimCheck.status()).as(claimCheck.body()).isEqualTo(200);
        assertThat(claimCheck.json().path("credentialType").stringValue()).isEqualTo("ImpactClaimCredential");
        assertThat(verify(gateway.get("/artifacts/sha256/" + attestationHex).body())
                        .status())
                .isEqualTo(200);
    }
}
