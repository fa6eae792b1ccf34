package io.impactproof.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.Instructions;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.gateway.system.KeyStoreFile;
import io.impactproof.model.Actions;
import io.impactproof.model.LedgerJson;
import io.impactproof.model.protocol.PublishedProtocol;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Faults while claims flow through org1's gateway (its own process, agents on) into the Fabric
 * network: a peer and an orderer crashed (SIGKILL) and restarted, a chaincode server stopped and
 * restarted, then the gateway crashed (SIGKILL) and restarted on its data. Every claim the gateway acknowledged ends CERTIFIED, once,
 * as both organisations' peers report it.
 */
class FaultsFabricTests {
    private static final Logger LOG = Logger.getLogger(FaultsFabricTests.class.getName());
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private volatile boolean loading = true;
    private volatile String base;
    private String ownerDid;

    @Test
    void every_acknowledged_claim_is_certified_once_through_peer_orderer_chaincode_and_gateway_failures()
            throws Exception {
        final Impactnet net = Impactnet.up();
        final Path data = net.gatewayData("org1");
        final int port = freePort();
        base = "http://127.0.0.1:" + port;
        GatewayJvm gateway = GatewayJvm.start(net, data, port);
        Thread load = null;
        try {
            gateway.awaitUp();
            final SigningKey operator = KeyStoreFile.open(data.resolve("keystore.json"))
                    .key("operator", () -> {
                        throw new IllegalStateException("the gateway made no operator key");
                    });
            final SigningKey owner = SigningKey.generateEd25519DidKey();
            final ObjectNode registration =
                    Instructions.registration(owner.did(), "faults owner", "Org1MSP", List.of("owner"), owner);
            final Answer registered = post(
                    "/operators/participants",
                    Json.object()
                            .put(
                                    "instruction",
                                    Instructions.sign(operator, Actions.REGISTER, registration, Instant.now())));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            final PublishedProtocol protocol = protocol();
            ownerDid = owner.did();

            load = new Thread(() -> load(owner, protocol), "faults-load");
            load.start();
            awaitProgress(3);

            net.kill("peer0.org2");
            hold();
            net.start("peer0.org2");
            awaitProgress(3);

            final int beforeOrderer = acknowledged.size();
            net.kill("orderer2");
            awaitProgress(3);
            assertThat(acknowledged.size())
                    .as("ordering continues with two of three orderers")
                    .isGreaterThan(beforeOrderer);
            net.start("orderer2");
            awaitProgress(3);

            net.stop("cc.org2");
            hold();
            net.start("cc.org2");
            awaitProgress(3);

            gateway.kill();
            hold();
            gateway = GatewayJvm.start(net, data, port);
            gateway.awaitUp();
            awaitProgress(3);
        } finally {
            loading = false;
            if (load != null) {
                load.join(60_000);
            }
        }
        try {
            assertThat(refused).as("claims refused under faults").isEmpty();
            final List<String> claims = List.copyOf(acknowledged);
            LOG.info(() -> claims.size() + " claims acknowledged under faults");
            awaitCertified(claims, Duration.ofMinutes(4));
            for (final String claim : claims) {
                final JsonNode attestations = get("/verifiers/claims/" + encode(claim) + "/attestations")
                        .json();
                final Set<String> verifiers = new HashSet<>();
                attestations.forEach(a -> verifiers.add(a.path("verifier").stringValue()));
                assertThat(verifiers).as(claim).hasSize(attestations.size());
            }
            // One certificate per claim, however often a step was retried or resumed.
            final JsonNode portfolio =
                    get("/financers/" + encode(ownerDid) + "/portfolio").json();
            assertThat(portfolio.path("held")).hasSize(claims.size());
        } finally {
            gateway.kill();
        }

        try (Gateway org2 = Gateway.start(
                net.gatewayData("org2"), false, 0, TwoOrganisationsFabricTests.ORG2_URL, net.settings("org2"))) {
            for (final String claim : acknowledged) {
                final Gateway.Response record = org2.get("/owners/claims/" + encode(claim));
                assertThat(record.status()).as(record.body()).isEqualTo(200);
                assertThat(record.json().path("status").stringValue()).as(claim).isEqualTo("CERTIFIED");
            }
        }
        // The tests after this one need both organisations' endorsements: the drills leave the
        // network only once every peer sees the others again.
        net.awaitPeers();
    }

    /** Submits claims one after another, each until the gateway acknowledges it (a retry is idempotent). */
    private void load(final SigningKey owner, final PublishedProtocol protocol) {
        int n = 0;
        while (loading) {
            final SignedCredential claim = claim(owner, protocol, "FLT-" + UUID.randomUUID() + "-" + n++);
            final ObjectNode body = Json.object();
            body.putArray("credentials").add(claim.compact());
            while (true) {
                try {
                    final Answer answer = post("/owners/claims", body);
                    if (answer.status() == 201) {
                        acknowledged.add(claim.credential().id().orElseThrow());
                        break;
                    }
                    if (answer.status() < 500) {
                        refused.add(answer.status() + " " + answer.body());
                        break;
                    }
                } catch (IOException e) {
                    // The gateway is down: the claim is sent again once it is back.
                }
                if (!loading) {
                    return;
                }
                sleep(250);
            }
        }
    }

    private static SignedCredential claim(
            final SigningKey owner, final PublishedProtocol protocol, final String tracking) {
        final ObjectNode data = Json.object()
                .put("carrier_siren", "552100554")
                .put("tracking_id", tracking)
                .put("courier_id", "c7")
                .put("delivered_on", "2026-03-10")
                .put("zone", "rural")
                .put("mode", "cargo-bike")
                .put("parcels", 3)
                .put("distance_km", 12.5);
        return VcJwt.sign(
                ImpactCredentials.claim(
                        "urn:uuid:" + UUID.randomUUID(), owner.did(), protocol, data, List.of(), Instant.now()),
                owner,
                Instant.now());
    }

    private void awaitProgress(final int claims) {
        final int target = acknowledged.size() + claims;
        final long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (acknowledged.size() < target) {
            assertThat(System.nanoTime())
                    .as("claims acknowledged again after a fault")
                    .isLessThan(deadline);
            assertThat(refused).isEmpty();
            sleep(200);
        }
    }

    private void awaitCertified(final List<String> claims, final Duration timeout) throws Exception {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final List<String> waiting = new ArrayList<>(claims);
        while (!waiting.isEmpty()) {
            final List<String> still = new ArrayList<>();
            for (final String claim : waiting) {
                final Answer record = get("/owners/claims/" + encode(claim));
                if (record.status() != 200
                        || !"CERTIFIED".equals(record.json().path("status").stringValue())) {
                    still.add(claim + " " + record.status() + " "
                            + record.json().path("status").stringValue(""));
                }
            }
            if (still.isEmpty()) {
                return;
            }
            assertThat(System.nanoTime()).as("not certified: " + still).isLessThan(deadline);
            waiting.clear();
            still.forEach(s -> waiting.add(s.substring(0, s.indexOf(' '))));
            sleep(2_000);
        }
    }

    private static void hold() {
        sleep(6_000);
    }

    private PublishedProtocol protocol() throws Exception {
        for (final JsonNode p : get("/protocols").json()) {
            if ("cargo-bike-delivery".equals(p.path("id").stringValue())
                    && "1.1.0".equals(p.path("version").stringValue())) {
                return LedgerJson.read(Json.write(p).getBytes(StandardCharsets.UTF_8), PublishedProtocol.class);
            }
        }
        throw new IllegalStateException("cargo-bike-delivery@1.1.0 is not published");
    }

    record Answer(int status, String body) {
        JsonNode json() {
            return Json.parse(body);
        }
    }

    private Answer get(final String path) throws IOException, InterruptedException {
        final HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    private Answer post(final String path, final JsonNode body) throws IOException {
        try {
            final HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(90))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String encode(final String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Org1's gateway as its own process (the service jar), so that it can be killed for real. */
    private record GatewayJvm(Process process, String base) {
        static GatewayJvm start(final Impactnet net, final Path data, final int port) throws IOException {
            final Path jar;
            try (Stream<Path> files = Files.list(Path.of("target"))) {
                jar = files.filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no gateway service jar in target/"));
            }
            final String java = ProcessHandle.current().info().command().orElse("java");
            final List<String> command = new ArrayList<>(List.of(
                    java,
                    "-Xmx768m",
                    "-jar",
                    jar.toString(),
                    "--server.address=127.0.0.1",
                    "--server.port=" + port,
                    "--impactproof.data-dir=" + data,
                    "--impactproof.base-url=" + TwoOrganisationsFabricTests.ORG1_URL,
                    "--spring.main.banner-mode=off"));
            command.addAll(net.settings("org1"));
            final Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            net.data.resolve("logs/gateway.org1.faults.log").toFile()))
                    .start();
            return new GatewayJvm(process, "http://127.0.0.1:" + port);
        }

        void awaitUp() throws InterruptedException {
            final long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive())
                        .as("the gateway process exited (see logs/gateway.org1.faults.log)")
                        .isTrue();
                try {
                    final HttpResponse<String> health = HTTP.send(
                            HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // Not listening yet.
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("the gateway did not come up in 2 minutes");
        }

        /** SIGKILL: no shutdown hook runs, as in a crash. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
