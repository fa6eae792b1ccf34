package io.impactproof.gateway.http;

import static io.impactproof.gateway.http.Fixture.instruction;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.model.Actions;
import io.impactproof.model.campaign.Allocation;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.consent.Subjects;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A campaign over HTTP, each party with its own key: the financer opens it and pays, the owner
 * applies; the report and the CSV exports agree with the ledger, and refusals are problem+json that
 * change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignIntegrationTests {
    @TempDir
    static Path data;

    private Fixture f;

    @BeforeAll
    void start() {
        f = new Fixture(data);
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private static ObjectNode terms(final String id, final String budget) {
        final ObjectNode args = Json.object()
                .put("id", id)
                .put("title", "Colis Activ' La Rochelle")
                .put("budget", budget)
                .put("currency", "EUR");
        args.putObject("eligibility").putArray("protocols").addObject().put("id", Fixture.CARGO);
        args.putObject("terms").put("amount", "bonus_eur").put("capPerClaim", "10.00");
        return args;
    }

    private Gateway.Response apply(final String campaign, final String serial, final boolean partial) {
        return f.gateway.postJson(
                "/owners/campaigns/" + campaign + "/apply",
                instruction(
                        f.owner,
                        Actions.APPLY,
                        Json.object()
                                .put("campaign", campaign)
                                .put("serial", serial)
                                .put("acceptPartial", partial)));
    }

    private Gateway.Response pay(final String campaign, final String serial, final String amount, final String ref) {
        return f.gateway.postJson(
                "/financers/campaigns/" + campaign + "/pay",
                instruction(
                        f.financer,
                        Actions.PAY,
                        Json.object()
                                .put("campaign", campaign)
                                .put("serial", serial)
                                .put("amount", amount)
                                .put("reference", ref)
                                .put("paidOn", "2026-04-02")));
    }

    @Test
    void a_campaign_pays_on_proof_until_its_budget_runs_out_and_its_exports_match_the_ledger() throws IOException {
        final Gateway.Response opened = f.gateway.postJson(
                "/financers/campaigns", instruction(f.financer, Actions.OPEN_CAMPAIGN, terms("colis-lr", "15.00")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        final List<CertificateRecord> certificates = List.of(f.active(), f.active(), f.active());

        assertThat(apply("colis-lr", certificates.get(0).serial(), false)
                        .json()
                        .path("amount")
                        .stringValue())
                .isEqualTo("6.00");
        assertThat(apply("colis-lr", certificates.get(1).serial(), false)
                        .json()
                        .path("amount")
                        .stringValue())
                .isEqualTo("6.00");
        f.refused(
                409,
                "BUDGET_EXHAUSTED",
                () -> apply("colis-lr", certificates.get(2).serial(), false));
        final JsonNode partial =
                apply("colis-lr", certificates.get(2).serial(), true).json();
        assertThat(partial.path("amount").stringValue()).isEqualTo("3.00");
        assertThat(partial.path("outcome").stringValue()).isEqualTo(Allocation.PARTIAL);
        f.refused(
                422,
                "PAYMENT_EXCEEDS_DUE",
                () -> pay("colis-lr", certificates.get(0).serial(), "6.01", "X"));
        f.refused(
                400,
                "PATH_MISMATCH",
                () -> f.gateway.postJson(
                        "/financers/campaigns/other/pay",
                        instruction(
                                f.financer,
                                Actions.PAY,
                                Json.object()
                                        .put("campaign", "colis-lr")
                                        .put("serial", certificates.get(0).serial())
                                        .put("amount", "1.00")
                                        .put("reference", "X")
                                        .put("paidOn", "2026-04-02"))));

        final JsonNode settled = pay("colis-lr", certificates.get(0).serial(), "6.00", "SEPA-0001")
                .json();
        assertThat(settled.path("status").stringValue()).isEqualTo("SETTLED");
        assertThat(f.registry.certificate(certificates.get(0).serial()).holder())
                .isEqualTo(f.financer.did());
        pay("colis-lr", certificates.get(1).serial(), "2.50", "SEPA-0002");

        final JsonNode report = f.gateway.get("/campaigns/colis-lr").json();
        assertThat(report.at("/campaign/budget").stringValue()).isEqualTo("15.00");
        assertThat(report.at("/campaign/allocated").stringValue()).isEqualTo("15.00");
        assertThat(report.at("/campaign/paid").stringValue()).isEqualTo("8.50");
        assertThat(report.path("remaining").stringValue()).isEqualTo("0.00");
        assertThat(report.at("/perOwner/0/key").stringValue()).isEqualTo(f.owner.did());
        assertThat(report.at("/perOwner/0/allocations").asInt()).isEqualTo(3);
        assertThat(report.at("/perMonth/0/key").stringValue()).isEqualTo("2026-03");
        assertThat(report.at("/perMonth/0/settled").stringValue()).isEqualTo("6.00");
        assertThat(report.at("/impacts/0/unit").stringValue()).isEqualTo("kWh cumac");
        assertThat(report.at("/impacts/0/quantity").stringValue()).isEqualTo("34.74");

        final Gateway.Response csv = f.gateway.get("/campaigns/colis-lr/exports/allocations.csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("\r\n");
        final List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.body()))
                .getRecords();
        assertThat(rows).hasSize(3);
        final List<Allocation> ledger = f.registry.allocations("colis-lr");
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("serial")).isEqualTo(ledger.get(i).serial());
            assertThat(rows.get(i).get("allocated")).isEqualTo(ledger.get(i).amount());
            assertThat(rows.get(i).get("status"))
                    .isEqualTo(ledger.get(i).status().name());
        }
        assertThat(rows.stream().map(r -> new BigDecimal(r.get("allocated"))).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(f.registry.campaign("colis-lr").allocated());
        final List<CSVRecord> payments = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(f.gateway
                        .get("/campaigns/colis-lr/exports/payments.csv")
                        .body()))
                .getRecords();
        assertThat(payments).extracting(r -> r.get("reference")).containsExactlyInAnyOrder("SEPA-0001", "SEPA-0002");
        assertThat(f.gateway
                        .get("/certificates/" + certificates.get(1).serial() + "/funding")
                        .json()
                        .path("paid")
                        .stringValue())
                .isEqualTo("2.50");
        f.refused(404, "CAMPAIGN_NOT_FOUND", () -> f.gateway.get("/campaigns/nope"));
        // The public registry lists the settled certificate under its new holder, as CSV too.
        final String registry = f.gateway
                .get("/registry.csv?holder="
                        + java.net.URLEncoder.encode(f.financer.did(), java.nio.charset.StandardCharsets.UTF_8))
                .body();
        assertThat(registry)
                .startsWith("serial,block,firstUnit,lastUnit,protocol")
                .contains(certificates.get(0).serial());
        assertThat(registry).doesNotContain(certificates.get(1).serial());
        // By sub-network: every certificate here was certified through Org1MSP's node.
        assertThat(f.gateway.get("/registry.csv?organisation=Org1MSP").body())
                .contains(certificates.get(0).serial());
        assertThat(f.gateway.get("/registry.csv?organisation=" + Fixture.ORG2).body())
                .doesNotContain(certificates.get(0).serial());
        f.refused(400, "PARAMETER_INVALID", () -> f.gateway.get("/registry?vintage=26"));
        f.refused(400, "PARAMETER_INVALID", () -> f.gateway.get("/registry?status=SOLD"));
    }

    @Test
    void an_employer_pays_allowances_to_consenting_employees_and_only_it_reads_the_payroll() throws IOException {
        final SigningKey employer = SigningKey.generateEd25519DidKey();
        f.agents.register(employer, "Atlantic employer", "owner", "financer");
        final SigningKey alice = SigningKey.generateEd25519DidKey();
        final String month = java.time.Instant.now().toString().substring(0, 7);
        final String day = month + "-01";
        final var consent = VcJwt.sign(
                ImpactCredentials.consent(
                        "urn:uuid:" + UUID.randomUUID(),
                        alice.did(),
                        employer.did(),
                        Subjects.digest(employer.did(), "emp-alice-0001"),
                        List.of(month),
                        List.of("trip_date", "mode", "distance_km"),
                        null,
                        java.time.Instant.now()),
                alice,
                java.time.Instant.now());
        final Gateway.Response given = f.gateway.postJson("/employees/consents", Fixture.batch(consent));
        assertThat(given.status()).as(given.body()).isEqualTo(201);
        assertThat(f.gateway
                        .get("/consents/" + Subjects.digest(employer.did(), "emp-alice-0001") + "?owner="
                                + java.net.URLEncoder.encode(employer.did(), java.nio.charset.StandardCharsets.UTF_8))
                        .json()
                        .path(0)
                        .path("month")
                        .stringValue())
                .isEqualTo(month);
        final var protocol = f.registry.protocol("home-to-work-commute", "1.2.0");
        f.refused(
                403,
                "CONSENT_MISSING",
                () -> f.gateway.postJson(
                        "/owners/claims", Fixture.batch(trip(employer, protocol, "emp-bob-00001", day, "outbound"))));
        final ObjectNode open =
                Json.object().put("id", "fmd-it").put("title", "FMD").put("budget", "50.00");
        open.putObject("eligibility").putArray("protocols").addObject().put("id", "home-to-work-commute");
        open.putObject("terms").put("amount", "allowance_eur").put("capPerBeneficiaryMonth", "5.00");
        f.registry.openCampaign(Fixture.sign(employer, Actions.OPEN_CAMPAIGN, open));
        for (final String leg : List.of("outbound", "return")) {
            final var signed = trip(employer, protocol, "emp-alice-0001", day, leg);
            final Gateway.Response submitted = f.gateway.postJson("/owners/claims", Fixture.batch(signed));
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
            final var record = f.registry.claim(signed.credential().id().orElseThrow());
            final List<io.impactproof.credentials.jwt.SignedCredential> attestations = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                attestations.add(f.agents.verifiers().get(i).attest(record, protocol));
            }
            io.impactproof.gateway.artifacts.StoredCredentials.storedDuring(
                    f.gateway.bean(io.impactproof.gateway.artifacts.ContentStore.class),
                    attestations,
                    () -> f.registry.attest(attestations));
            final String serial =
                    f.agents.validator().certify(List.of(record.id())).get(0).serial();
            final var allocation = f.registry.apply(Fixture.sign(
                    employer,
                    Actions.APPLY,
                    Json.object().put("campaign", "fmd-it").put("serial", serial)));
            f.registry.pay(Fixture.sign(
                    employer,
                    Actions.PAY,
                    Json.object()
                            .put("campaign", "fmd-it")
                            .put("serial", serial)
                            .put("amount", allocation.payable())
                            .put("reference", "PAYROLL")
                            .put("paidOn", day)));
        }

        final String path = "/campaigns/fmd-it/exports/payroll.csv";
        f.refused(401, "AUTHORIZATION_REQUIRED", () -> f.gateway.get(path));
        f.refused(
                403,
                "FORBIDDEN",
                () -> f.gateway.get(
                        path,
                        "Authorization",
                        "Instruction "
                                + Fixture.sign(
                                        f.financer,
                                        Actions.READ_PAYROLL,
                                        Json.object().put("campaign", "fmd-it"))));
        final Gateway.Response payroll = f.gateway.get(
                path,
                "Authorization",
                "Instruction "
                        + Fixture.sign(
                                employer, Actions.READ_PAYROLL, Json.object().put("campaign", "fmd-it")));
        assertThat(payroll.status()).as(payroll.body()).isEqualTo(200);
        final List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(payroll.body()))
                .getRecords();
        assertThat(rows).hasSize(1);
        final CSVRecord row = rows.get(0);
        assertThat(row.get("employee_id")).isEqualTo("emp-alice-0001");
        assertThat(row.get("subject")).isEqualTo(Subjects.digest(employer.did(), "emp-alice-0001"));
        assertThat(row.get("month")).isEqualTo(month);
        assertThat(row.get("trips")).isEqualTo("2");
        assertThat(row.get("distance_km_bike")).isEqualTo("24");
        assertThat(row.get("allocated")).isEqualTo("5.00"); // 3.00 + 3.00 capped at 5.00 per employee and month
        assertThat(row.get("capped_trips")).isEqualTo("1");
        assertThat(new BigDecimal(row.get("allocated")))
                .isEqualByComparingTo(f.registry.campaign("fmd-it").allocated());
    }

    private static io.impactproof.credentials.jwt.SignedCredential trip(
            final SigningKey employer,
            final io.impactproof.model.protocol.PublishedProtocol protocol,
            final String commuter,
            final String day,
            final String leg) {
        final ObjectNode data = Json.parseObject(("{'employer_siren':'356000000','commuter_id':'" + commuter
                        + "','trip_date':'" + day + "','leg':'" + leg + "','mode':'bike','distance_km':12,"
                        + "'proof_level':'phone-detection','consent_month':'" + day.substring(0, 7) + "'}")
                .replace('\'', '"'));
        return VcJwt.sign(
                ImpactCredentials.claim(
                        "urn:uuid:" + UUID.randomUUID(),
                        employer.did(),
                        protocol,
                        data,
                        List.of(),
                        java.time.Instant.now()),
                employer,
                java.time.Instant.now());
    }
}
