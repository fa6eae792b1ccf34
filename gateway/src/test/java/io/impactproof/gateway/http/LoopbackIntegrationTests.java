package io.impactproof.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.cli.Cli;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.gateway.agents.ManagedAgents;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's own set-up: a gateway whose base URL is {@code http://localhost:<port>}, so every agent
 * DID holds a literal {@code %3A} (did:web:localhost%3A8080:agents:…). Online verification and the
 * DID paths must work with it; and a second gateway process on the same data folder must refuse to
 * start, saying why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoopbackIntegrationTests {
    @TempDir
    static Path data;

    @TempDir
    static Path files;

    private Gateway gateway;
    private ManagedAgents agents;
    private final SigningKey owner = SigningKey.generateEd25519DidKey();

    @BeforeAll
    void start() throws IOException {
        final int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        gateway = Gateway.start(data, true, port, "http://localhost:" + port);
        agents = gateway.bean(ManagedAgents.class);
        agents.register(owner, "owner", "owner");
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void a_certificate_of_a_localhost_registry_verifies_online_with_the_cli() throws Exception {
        assertThat(agents.validator().did()).contains("%3A");
        final String serial = gateway.awaitCertificate(
                gateway.submitClaim(owner, "cargo-bike-delivery", Gateway.delivery("LOOPBACK-1")));
        final Path certificate = files.resolve("certificate.jwt");
        Files.writeString(
                certificate,
                gateway.get("/certificates/" + serial, "Accept", "application/vc+jwt")
                        .body());

        final StringWriter text = new StringWriter();
        final int exit =
                Cli.run(new PrintWriter(text, true), "verify", certificate.toString(), "--registry", gateway.base);
        assertThat(exit).as(text.toString()).isZero();
        assertThat(text.toString()).contains("[ok]").contains("revocation bit").doesNotContain("KEY_NOT_FOUND");
    }

    @Test
    void a_did_with_a_port_is_found_whether_its_percent_sign_is_encoded_or_not() {
        final String did = agents.verifiers().get(0).did();
        final String encoded = did.replace("%3A", "%253A");
        for (final String written : List.of(encoded, did)) {
            assertThat(gateway.get("/verifiers/" + written + "/awaiting").status())
                    .as(written)
                    .isEqualTo(200);
            assertThat(gateway.get("/participants/" + written + "/did.json")
                            .json()
                            .path("id")
                            .stringValue())
                    .as(written)
                    .isEqualTo(did);
        }
    }

    @Test
    void a_second_gateway_process_on_the_same_data_folder_refuses_to_start_and_says_why() throws Exception {
        final Path jar;
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            jar = built.filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("run after package: no target/*-exec.jar"));
        }
        final Path log = files.resolve("second.log");
        final Process second = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-jar",
                        jar.toString(),
                        "--impactproof.data-dir=" + data,
                        "--server.port=0",
                        "--server.address=127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            assertThat(second.waitFor(120, TimeUnit.SECONDS))
                    .as("the second gateway stops by itself")
                    .isTrue();
        } finally {
            second.destroyForcibly();
        }
        final String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(second.exitValue()).as(output).isNotZero();
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("is in use by")
                .contains("Stop the other gateway");
        assertThat(gateway.get("/actuator/health").json().path("status").stringValue())
                .as("the first gateway carries on")
                .isEqualTo("UP");
    }
}
