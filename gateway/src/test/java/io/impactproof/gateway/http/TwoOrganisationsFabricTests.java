package io.impactproof.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.LedgerInfo;
import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.credentials.json.Json;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.demo.Demo;
import io.impactproof.gateway.system.KeyStoreFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The registry on the real Fabric network: two organisations, each with its own gateway, identity,
 * peer and chaincode server. The demo scenario runs through org1's gateway and gives the same
 * outcomes as on the embedded ledger; org2's gateway, reading its own peer, sees the same ledger and
 * verifies what org1 produced.
 */
class TwoOrganisationsFabricTests {
    static final String ORG1_URL = "http://org1.impactnet.test";
    static final String ORG2_URL = "http://org2.impactnet.test";

    @Test
    void the_scenario_gives_the_embedded_outcomes_and_org2_reads_and_verifies_what_org1_certified(
            @TempDir final Path embeddedData, @TempDir final Path agentFiles) throws Exception {
        final Impactnet net = Impactnet.up();
        final Demo onFabric;
        try (Gateway org1 = Gateway.start(net.gatewayData("org1"), false, 0, ORG1_URL, net.settings("org1"));
                Gateway org2 = Gateway.start(
                        net.gatewayData("org2"), false, 0, ORG2_URL, net.settings("org2", "Org1MSP", org1.base))) {
            assertThat(org1.bean(LedgerPort.class).info().kind()).isEqualTo("fabric");
            onFabric = demo(org1, ORG1_URL);
            assertThat(onFabric.run()).as(this::transcript).isTrue();

            // The signed certificate travels with its holder (org1's store keeps the exact bytes; the
            // ledger keeps their digest): org2 shows the record and verifies the credential against its
            // own peer.
            final String serial = onFabric.firstSerial();
            final Gateway.Response record = org2.get("/certificates/" + serial);
            assertThat(record.status()).as(record.body()).isEqualTo(200);
            // The first delivery was funded by the demo's CEE campaign and retired for the supplier.
            assertThat(record.json().path("status").stringValue()).isEqualTo("RETIRED");
            final Gateway.Response credential = org1.get("/certificates/" + serial, "Accept", "application/vc+jwt");
            assertThat(credential.status()).as(credential.body()).isEqualTo(200);
            final Gateway.Response verified =
                    org2.postJson("/credentials/verify", Json.object().put("verifiableCredential", credential.body()));
            assertThat(verified.status()).as(verified.body()).isEqualTo(200);
            assertThat(verified.json().path("verified").booleanValue()).isTrue();
            // Org2's node serves the exact signed certificate too: fetched from org1's node and kept
            // because its SHA-256 is the one its own peer records.
            final Gateway.Response fromOrg2 = org2.get("/certificates/" + serial, "Accept", "application/vc+jwt");
            assertThat(fromOrg2.status()).as(fromOrg2.body()).isEqualTo(200);
            assertThat(fromOrg2.body()).isEqualTo(credential.body());
            // Org2's node streams the ledger's events from its own peer, those of org1's transactions
            // included: the certificate's issue, from the first block on, with its ledger position.
            assertThat(org2.awaitEvent("/events?after=-1:-1&name=CertificatesIssued", serial))
                    .matches("\\d+:\\d+");

            sameLedger(org1, org2, onFabric);

            // One registry across sub-networks: the delivery org1 certified, claimed again by an owner
            // of org2 through org2's own gateway and peer, is refused as double counting.
            final io.impactproof.gateway.agents.ManagedAgents org2Agents =
                    org2.bean(io.impactproof.gateway.agents.ManagedAgents.class);
            org2Agents.bootstrap();
            final io.impactproof.credentials.jwt.SigningKey owner2 =
                    io.impactproof.credentials.jwt.SigningKey.generateEd25519DidKey();
            org2Agents.register(owner2, "a carrier of org2's territory", "owner");
            final Gateway.Response refused = org2.claimAgain(org1, serial, owner2);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("DOUBLE_COUNTING");

            independentParties(org1, org2, agentFiles);

            // An operator's probe sees the organisation's own peer go down and come back.
            assertThat(ledgerHealth(org1)).isEqualTo("UP");
            net.kill("peer0.org1");
            try {
                final Gateway.Response down = org1.get("/actuator/health");
                assertThat(down.status()).isEqualTo(503);
                assertThat(down.json()
                                .path("components")
                                .path("ledger")
                                .path("details")
                                .path("code")
                                .stringValue())
                        .isEqualTo("LEDGER_UNAVAILABLE");
                assertThat(ledgerHealth(org2)).isEqualTo("UP");
            } finally {
                net.start("peer0.org1");
            }
            final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!"UP".equals(ledgerHealth(org1)) && System.nanoTime() < deadline) {
                sleep(500);
            }
            assertThat(ledgerHealth(org1)).isEqualTo("UP");
        }

        try (Gateway embedded = Gateway.start(embeddedData, false, 0, ORG1_URL)) {
            assertThat(embedded.bean(LedgerPort.class).info().kind()).isEqualTo("embedded");
            final Demo onEmbedded = demo(embedded, ORG1_URL);
            assertThat(onEmbedded.run()).isTrue();
            assertThat(onFabric.outcomes()).isNotEmpty().isEqualTo(onEmbedded.outcomes());
        }
    }

    /**
     * On Fabric too, verifiers and the validator run as independent parties: three verifier processes
     * and a validator process, each with its own key file, against org1's gateway; org2's peer then
     * holds the certificate the independent validator signed.
     */
    private static void independentParties(final Gateway org1, final Gateway org2, final Path dir) throws Exception {
        final io.impactproof.gateway.agents.ManagedAgents agents =
                org1.bean(io.impactproof.gateway.agents.ManagedAgents.class);
        final List<io.impactproof.credentials.jwt.SigningKey> verifiers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            final var verifier = io.impactproof.credentials.jwt.SigningKey.of(
                    "did:web:verifier-" + i + ".fabric.example#key-1",
                    io.impactproof.credentials.jwt.SigningKey.newEd25519());
            agents.register(verifier, "independent verifier " + i, "verifier");
            verifiers.add(verifier);
        }
        final var validator = io.impactproof.credentials.jwt.SigningKey.of(
                "did:web:validator.fabric.example#key-1", io.impactproof.credentials.jwt.SigningKey.newEd25519());
        agents.register(validator, "independent validator", "validator");
        final var args = Json.object()
                .put(
                        "definition",
                        io.impactproof.gateway.agents.ManagedAgents.bundled("cargo-bike-delivery-1.1.0.yaml")
                                .replace("version: 1.1.0", "version: 1.4.0"));
        final var bindings = args.putObject("bindings");
        for (int i = 0; i < 5; i++) {
            bindings.put("verifier-" + (i + 1), verifiers.get(i).did());
        }
        bindings.put("validator", validator.did());
        final RegistryClient registry = org1.bean(RegistryClient.class);
        registry.publish(io.impactproof.client.Instructions.sign(
                agents.operator(), "protocols.publish", args, java.time.Instant.now()));
        final var owner = io.impactproof.credentials.jwt.SigningKey.generateEd25519DidKey();
        agents.register(owner, "an owner of org1", "owner");
        final String claim = org1.submitClaim(owner, "cargo-bike-delivery@1.4.0", Gateway.delivery("FAB-IND-1"));

        final List<AgentProcess> attesting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            attesting.add(AgentProcess.start("verifier", verifiers.get(i), org1.base, dir));
        }
        for (final AgentProcess process : attesting) {
            assertThat(process.finish()).contains("attested 1, rejected 0, left 0");
        }
        assertThat(AgentProcess.start("validator", validator, org1.base, dir).finish())
                .contains("certified 1, left 0");

        final String serial = registry.claim(claim).certificate();
        final var seenByOrg2 = org2.bean(RegistryClient.class).certificate(serial);
        assertThat(seenByOrg2.status().name()).isEqualTo("ACTIVE");
        assertThat(seenByOrg2.validator()).isEqualTo(validator.did());
    }

    private final ByteArrayOutputStream transcriptBytes = new ByteArrayOutputStream();

    /** The demo's printout, shown when an assertion fails. */
    private String transcript() {
        return transcriptBytes.toString(StandardCharsets.UTF_8);
    }

    private Demo demo(final Gateway gateway, final String baseUrl) {
        return new Demo(
                new PrintStream(transcriptBytes, true, StandardCharsets.UTF_8),
                gateway.bean(RegistryClient.class),
                gateway.bean(ContentStore.class),
                gateway.bean(KeyStoreFile.class),
                Clock.systemUTC(),
                baseUrl,
                // The digital-services step too: its three records per claim on Fabric as embedded.
                gateway.bean(io.impactproof.gateway.boavizta.Boavizta.class));
    }

    /**
     * Both organisations' peers hold the same chain (height and last block hash) and answer every
     * query of the scenario's records with the same bytes: each gateway evaluates on its own peer.
     */
    private static void sameLedger(final Gateway org1, final Gateway org2, final Demo demo) {
        final LedgerPort one = org1.bean(LedgerPort.class);
        final LedgerPort two = org2.bean(LedgerPort.class);
        final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        LedgerInfo a = one.info();
        LedgerInfo b = two.info();
        while ((a.height() != b.height() || !a.lastHash().equals(b.lastHash())) && System.nanoTime() < deadline) {
            sleep(200);
            a = one.info();
            b = two.info();
        }
        assertThat(b.height()).isEqualTo(a.height());
        assertThat(b.lastHash()).isEqualTo(a.lastHash());

        final List<String> paths = new ArrayList<>(List.of("/protocols"));
        for (final JsonNode p : org1.get("/protocols").json()) {
            paths.add("/protocols/" + p.path("id").stringValue() + "/"
                    + p.path("version").stringValue());
        }
        final String serial = demo.firstSerial();
        paths.add("/certificates/" + serial);
        paths.add("/certificates/" + serial + "/history");
        final JsonNode certificate = org1.get("/certificates/" + serial).json();
        paths.add("/owners/claims/" + certificate.path("claim").stringValue());
        paths.add("/verifiers/claims/" + certificate.path("claim").stringValue() + "/attestations");
        paths.add("/participants/" + certificate.path("holder").stringValue());
        paths.add("/financers/" + certificate.path("holder").stringValue() + "/portfolio");
        for (final String path : paths) {
            final Gateway.Response mine = org1.get(path);
            final Gateway.Response theirs = org2.get(path);
            assertThat(mine.status()).as(path + ": " + mine.body()).isEqualTo(200);
            assertThat(theirs.body()).as(path).isEqualTo(mine.body());
        }
    }

    private static String ledgerHealth(final Gateway gateway) {
        return gateway.get("/actuator/health")
                .json()
                .path("components")
                .path("ledger")
                .path("status")
                .stringValue("");
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
