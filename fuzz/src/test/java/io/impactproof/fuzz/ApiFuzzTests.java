package io.impactproof.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.credentials.json.Json;
import io.impactproof.gateway.GatewayApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Request bodies from anyone, on every write endpoint and the public verifier, over real HTTP to a
 * gateway on loopback: the answer is never a 5xx, every refusal is problem+json with a stable code,
 * and a refusal leaves the ledger's height as it was.
 */
class ApiFuzzTests {
    private static final List<String> PATHS = List.of(
            "/owners/claims",
            "/owners/evidence",
            "/verifiers/attestations",
            "/validators/certificates",
            "/validators/certificates/credentials",
            "/validators/certificates/IPC-1/suspend",
            "/validators/claims/reject",
            "/operators/participants",
            "/operators/protocols",
            "/operators/protocols/cargo-bike-delivery/1.1.0/deprecate",
            "/financers/certificates/IPC-1/transfer",
            "/financers/certificates/IPC-1/split",
            "/participants/did:key:z6Mk/keys",
            "/credentials/verify");
    private static final List<String> MEDIA_TYPES =
            List.of("application/json", "application/vc+jwt", "text/csv", "text/plain", "application/xml", "");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext gateway;
    private static String base;
    private static int port;
    private static final java.util.Set<String> LOOPBACK = java.util.Set.of("localhost", "127.0.0.1");
    private static LedgerPort ledger;

    private static synchronized void start() {
        if (gateway != null) {
            return;
        }
        try {
            final Path data = Files.createTempDirectory("impactproof-fuzz");
            gateway = new SpringApplication(GatewayApplication.class)
                    .run(
                            "--server.port=0",
                            "--server.address=127.0.0.1",
                            "--impactproof.data-dir=" + data,
                            "--impactproof.base-url=http://registry.test",
                            "--impactproof.agents.verifiers=false",
                            "--impactproof.agents.validator=false",
                            "--spring.main.banner-mode=off",
                            "--logging.level.root=WARN");
            Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
        base = "http://127.0.0.1:" + port;
        ledger = gateway.getBean(LedgerPort.class);
    }

    /** The first byte picks the path, the second the Content-Type; the rest is the body. */
    @FuzzTest(maxDuration = "5m")
    void any_request_body_on_any_write_endpoint(final byte[] input) throws Exception {
        if (input.length < 2) {
            return;
        }
        start();
        // Our own requests to the gateway; any other connection (the gateway fetching a URL it was sent) stays a
        // finding.
        BugDetectors.allowNetworkConnections((host, to) -> to == port && LOOPBACK.contains(host));
        final String path = PATHS.get(Byte.toUnsignedInt(input[0]) % PATHS.size());
        final String mediaType = MEDIA_TYPES.get(Byte.toUnsignedInt(input[1]) % MEDIA_TYPES.size());
        final byte[] body = java.util.Arrays.copyOfRange(input, 2, input.length);
        final HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!mediaType.isEmpty()) {
            request.header("Content-Type", mediaType);
        }
        final long height = ledger.info().height();
        final HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            final JsonNode problem = Json.parse(response.body());
            if (path.equals("/credentials/verify") && problem.has("verified")) {
                // The W3C VC API answers a credential that fails with 400 and its problemDetails.
                assertThat(problem.path("verified").booleanValue()).isFalse();
                assertThat(problem.path("problemDetails").path(0).path("code").stringValue(""))
                        .as(response.body())
                        .matches("[A-Z][A-Z0-9_]+");
            } else {
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .as(response.body())
                        .startsWith("application/problem+json");
                assertThat(problem.path("code").stringValue(""))
                        .as(response.body())
                        .matches("[A-Z][A-Z0-9_]+");
            }
            assertThat(ledger.info().height()).as("a refusal appends nothing").isEqualTo(height);
        }
    }
}
