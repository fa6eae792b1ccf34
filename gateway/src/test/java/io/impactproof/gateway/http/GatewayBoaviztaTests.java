package io.impactproof.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.gateway.agents.ManagedAgents;
import io.impactproof.model.claim.ClaimStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A running gateway with its agents on and BoaviztAPI running: digital claims posted over HTTP are
 * verified by the node's algorithmic verifiers (one certificate per criterion, three separate totals
 * in the portfolio; an overstated claim disputed); and the registry's own footprint — measured CPU
 * per transaction kind, figures per certificate that grow with the measured work, the certificate's
 * line, the Prometheus gauges, and a clear error without BoaviztAPI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayBoaviztaTests {
    @TempDir
    static Path data;

    @TempDir
    static Path elsewhere;

    private Gateway gateway;
    private SigningKey owner;
    private RegistryClient registry;

    @BeforeAll
    void start() {
        gateway = Gateway.start(data, true);
        owner = SigningKey.generateEd25519DidKey();
        gateway.bean(ManagedAgents.class).register(owner, "Cargo coop", "owner");
        registry = gateway.bean(RegistryClient.class);
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    private List<String> certifyDeliveries(final int count) throws InterruptedException {
        final ObjectNode body = Json.object();
        final var credentials = body.putArray("credentials");
        final List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            final String id = "urn:uuid:" + UUID.randomUUID();
            ids.add(id);
            credentials.add(VcJwt.sign(
                            ImpactCredentials.claim(
                                    id,
                                    owner.did(),
                                    registry.protocol("cargo-bike-delivery", "1.1.0"),
                                    Gateway.delivery("FP-" + UUID.randomUUID()),
                                    List.of(),
                                    Instant.now()),
                            owner,
                            Instant.now())
                    .compact());
        }
        final Gateway.Response submitted = gateway.postJson("/owners/claims", body);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        Gateway.await(
                () -> ids.stream().allMatch(id -> registry.claim(id).status() == ClaimStatus.CERTIFIED),
                count + " claims certified by the node's agents");
        return ids;
    }

    private String submitServer(final String serverId, final double climateFactor) {
        final var embedded = new io.impactproof.gateway.boavizta.Boavizta(
                        System.getProperty("impactproof.boavizta.url", "http://127.0.0.1:5055"),
                        java.time.Duration.ofSeconds(20))
                .server(io.impactproof.gateway.boavizta.DigitalServicesBoaviztaTests.r740(), null);
        final ObjectNode data = Json.object()
                .put("operator_siren", "552100554")
                .put("server_id", serverId)
                .put("commissioned_on", "2021-01-01")
                .put("reference_lifetime_months", 48)
                .put("extension_start", "2025-01-01")
                .put("extension_end", "2025-12-31")
                .put("embedded_gwp_kgco2e", embedded.get("gwp").embedded().doubleValue() * climateFactor)
                .put("embedded_pe_mj", embedded.get("pe").embedded())
                .put("embedded_adp_kgsbeq", embedded.get("adp").embedded())
                .put("reference_implementation", "boaviztapi 2.5.0");
        data.set("server", io.impactproof.gateway.boavizta.DigitalServicesBoaviztaTests.r740());
        final String id = "urn:uuid:" + UUID.randomUUID();
        final ObjectNode body = Json.object();
        body.putArray("credentials")
                .add(VcJwt.sign(
                                ImpactCredentials.claim(
                                        id,
                                        owner.did(),
                                        registry.protocol("server-lifetime-extension", "1.0.0"),
                                        data,
                                        List.of(),
                                        Instant.now()),
                                owner,
                                Instant.now())
                        .compact());
        final Gateway.Response submitted = gateway.postJson("/owners/claims", body);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.json()).as("one record per criterion").hasSize(3);
        return id;
    }

    @Test
    void the_nodes_algorithmic_verifiers_certify_each_criterion_and_dispute_an_overstated_server()
            throws InterruptedException {
        final String honest = submitServer("GW-R740-1", 1.0);
        final String inflated = submitServer("GW-R740-2", 1.2);
        final List<String> honestRecords = List.of(honest, honest + "#primary-energy", honest + "#abiotic-resources");
        final List<String> inflatedRecords =
                List.of(inflated, inflated + "#primary-energy", inflated + "#abiotic-resources");

        // CERTIFIED at issue; the certificates become ACTIVE in the next transaction (the credential attached).
        Gateway.await(
                () -> honestRecords.stream()
                        .allMatch(id -> registry.claim(id).status() == ClaimStatus.CERTIFIED
                                && registry.certificate(registry.claim(id).certificate())
                                                .status()
                                        == io.impactproof.model.certificate.CertificateStatus.ACTIVE),
                "the three records of the honest claim certified and their certificates active");
        Gateway.await(
                () -> inflatedRecords.stream().allMatch(id -> registry.claim(id).status() == ClaimStatus.DISPUTED),
                "the overstated claim's records disputed by the algorithmic verifiers");

        final JsonNode portfolio =
                gateway.get("/financers/" + owner.did() + "/portfolio").json();
        final java.util.Map<String, String> held = new java.util.TreeMap<>();
        portfolio
                .path("totals")
                .forEach(t ->
                        held.put(t.path("unit").stringValue(""), t.path("held").stringValue("")));
        assertThat(held)
                .as("three totals, one per criterion: never added together")
                .containsEntry("kgCO2e", "241.975000")
                .containsEntry("MJ", "3217.500000")
                .containsEntry("kgSbeq", "0.037300");
        assertThat(registry.attestations(inflated))
                .allSatisfy(a -> assertThat(a.outcome()).isEqualTo("Rejected"));
    }

    private JsonNode footprint() {
        final Gateway.Response response = gateway.get("/footprint");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void the_figures_come_from_measured_cpu_and_move_with_it() throws InterruptedException {
        certifyDeliveries(10);
        final JsonNode first = footprint();
        certifyDeliveries(30);
        final JsonNode second = footprint();

        final JsonNode claims = second.path("perTransactionKind").path("claims:Submit");
        assertThat(claims.path("items").asLong()).isGreaterThanOrEqualTo(40);
        assertThat(claims.path("cpuSeconds").asDouble())
                .as("more work measured more CPU")
                .isGreaterThan(first.path("perTransactionKind")
                        .path("claims:Submit")
                        .path("cpuSeconds")
                        .asDouble());
        assertThat(second.path("perTransactionKind")
                        .path("sign:attestation")
                        .path("items")
                        .asLong())
                .isGreaterThanOrEqualTo(5 * 40);
        assertThat(second.path("perCertificate").path("certificatesIssued").asLong())
                .isGreaterThanOrEqualTo(40);
        for (final String criterion : List.of("gwp", "pe", "adp")) {
            final double perCpuSecond =
                    second.path("perCpuSecond").path(criterion).asDouble();
            assertThat(perCpuSecond).isPositive();
            // Each kind's figure is its measured CPU per item times the node's cost of a CPU-second.
            assertThat(claims.path("perItem").path(criterion).asDouble())
                    .isCloseTo(
                            claims.path("cpuSecondsPerItem").asDouble() * perCpuSecond,
                            org.assertj.core.data.Percentage.withPercentage(1e-6));
            assertThat(second.path("perCertificate")
                            .path("production")
                            .path(criterion)
                            .asDouble())
                    .isCloseTo(
                            second.path("perCertificate")
                                            .path("productionCpuSeconds")
                                            .asDouble()
                                    * perCpuSecond,
                            org.assertj.core.data.Percentage.withPercentage(1e-6));
            assertThat(second.path("perCertificate")
                            .path("keepingPerYear")
                            .path(criterion)
                            .asDouble())
                    .isPositive();
        }
        assertThat(second.path("units").path("gwp").stringValue(null)).isEqualTo("gCO2e");
        assertThat(second.path("node").path("hardware").path("version").stringValue(null))
                .isEqualTo("2.5.0");
        assertThat(second.path("method")).isNotEmpty();
    }

    @Test
    void a_certificate_has_its_line_and_prometheus_its_gauges() throws InterruptedException {
        final String id = certifyDeliveries(1).get(0);
        final String serial = registry.claim(id).certificate();

        final Gateway.Response line = gateway.get("/footprint/certificates/" + serial);
        assertThat(line.status()).as(line.body()).isEqualTo(200);
        assertThat(line.json().path("unit").stringValue(null)).isEqualTo("kWh cumac");
        assertThat(line.json().path("production").path("gwp").asDouble()).isPositive();
        assertThat(gateway.get("/footprint/certificates/IPC-2026-CBD-0000000000-1-1")
                        .code())
                .isEqualTo("CERTIFICATE_NOT_FOUND");
        final String metrics = gateway.get("/actuator/prometheus").body();
        assertThat(metrics)
                .containsPattern(
                        "impactproof_footprint_certificate_production\\{criterion=\"gwp\",unit=\"gCO2e\"} [0-9.E-]+")
                .contains("impactproof_footprint_certificate_cpu_seconds");
    }

    @Test
    void without_boavizta_the_footprint_is_a_clear_503() {
        try (Gateway other = Gateway.start(
                elsewhere,
                false,
                0,
                "http://registry.test",
                List.of("--impactproof.boavizta.url=http://127.0.0.1:9"))) {
            final Gateway.Response response = other.get("/footprint");

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo("REFERENCE_UNAVAILABLE");
        }
    }
}
