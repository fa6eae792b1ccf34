package io.impactproof.gateway.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.model.certificate.CertificateRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherNodesTest {
    private static final byte[] CREDENTIAL = "eyJhbGciOiJFZERTQSJ9.e30.c2ln".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private HttpServer org1;
    private final AtomicReference<byte[]> served = new AtomicReference<>(CREDENTIAL);
    private ContentStore store;
    private OtherNodes nodes;

    @BeforeEach
    void start() throws IOException {
        org1 = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        org1.createContext("/certificates/IPC-1/credential", exchange -> {
            final byte[] body = served.get();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        org1.start();
        store = new ContentStore(dir.resolve("store"));
        nodes = new OtherNodes(
                Map.of("Org1MSP", "http://127.0.0.1:" + org1.getAddress().getPort() + "/"),
                organisation -> java.util.Optional.empty(),
                did -> java.util.Optional.empty(),
                "Org2MSP",
                store);
    }

    @AfterEach
    void stop() {
        org1.stop(0);
        store.close();
    }

    private static CertificateRecord record(final String organisation, final String serial) {
        return CertificateRecord.builder()
                .serial(serial)
                .organisation(organisation)
                .credentialDigest(Digests.sha256Hex(CREDENTIAL))
                .attestations(java.util.List.of())
                .lots(java.util.List.of())
                .build();
    }

    @Test
    void a_credential_whose_digest_the_ledger_records_is_fetched_once_and_kept() {
        final var fetched = nodes.certificate(record("Org1MSP", "IPC-1"));
        assertThat(fetched).isPresent();
        assertThat(fetched.get().bytes()).isEqualTo(CREDENTIAL);
        assertThat(store.contains(Digests.sha256Hex(CREDENTIAL))).isTrue();
    }

    @Test
    void other_bytes_are_refused_and_not_kept() {
        served.set("eyJhbGciOiJFZERTQSJ9.e30.dGFtcGVyZWQ".getBytes(StandardCharsets.US_ASCII));
        assertThat(nodes.certificate(record("Org1MSP", "IPC-1"))).isEmpty();
        assertThat(store.contains(Digests.sha256Hex(CREDENTIAL))).isFalse();
    }

    @Test
    void no_node_configured_unreachable_or_not_found_gives_nothing() {
        assertThat(nodes.certificate(record("Org3MSP", "IPC-1"))).isEmpty();
        assertThat(nodes.certificate(record("Org2MSP", "IPC-1")))
                .as("this node's own")
                .isEmpty();
        assertThat(nodes.certificate(record("Org1MSP", "IPC-404"))).isEmpty();
        org1.stop(0);
        assertThat(nodes.certificate(record("Org1MSP", "IPC-1"))).isEmpty();
    }

    @Test
    void a_claim_is_read_with_the_readers_signed_instruction_from_the_node_the_members_admitted() throws Exception {
        final AtomicReference<String> authorization = new AtomicReference<>();
        org1.createContext("/verifiers/claims/urn:uuid:c-1/credential", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            final byte[] body = served.get();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        final String org3 = "http://127.0.0.1:" + org1.getAddress().getPort();
        final OtherNodes viaLedger = new OtherNodes(
                Map.of(),
                organisation ->
                        "Org3MSP".equals(organisation) ? java.util.Optional.of(org3) : java.util.Optional.empty(),
                did -> java.util.Optional.empty(),
                "Org1MSP",
                store);
        final var verifier = io.impactproof.credentials.jwt.SigningKey.generateEd25519DidKey();
        final var claim = io.impactproof.model.claim.ClaimRecord.builder()
                .id("urn:uuid:c-1")
                .organisation("Org3MSP")
                .digest(Digests.sha256Hex(CREDENTIAL))
                .evidence(java.util.List.of())
                .build();

        assertThat(viaLedger.claim(claim, verifier)).isPresent();
        assertThat(store.contains(Digests.sha256Hex(CREDENTIAL))).isTrue();
        assertThat(authorization.get()).startsWith("Instruction ");
        final var instruction =
                com.nimbusds.jose.JWSObject.parse(authorization.get().substring("Instruction ".length()));
        assertThat(instruction.getPayload().toJSONObject())
                .containsEntry("action", io.impactproof.model.Actions.READ_CLAIM);
        assertThat(instruction.getHeader().getKeyID()).startsWith(verifier.did());

        assertThat(viaLedger.claim(claim.toBuilder().organisation("Org4MSP").build(), verifier))
                .as("no node known for that organisation")
                .isEmpty();
        assertThat(viaLedger.claim(claim.toBuilder().organisation("Org1MSP").build(), verifier))
                .as("this node's own")
                .isEmpty();
    }

    @Test
    void a_certificate_is_fetched_from_its_validators_organisation_not_the_claims() {
        final OtherNodes byValidator = new OtherNodes(
                Map.of("Org1MSP", "http://127.0.0.1:" + org1.getAddress().getPort()),
                organisation -> java.util.Optional.empty(),
                did -> "did:web:validator.org1.example".equals(did)
                        ? java.util.Optional.of("Org1MSP")
                        : java.util.Optional.empty(),
                "Org3MSP",
                store);
        final CertificateRecord claimedThroughOrg3 = record("Org3MSP", "IPC-1").toBuilder()
                .validator("did:web:validator.org1.example")
                .build();
        assertThat(byValidator.certificate(claimedThroughOrg3)).isPresent();
    }
}
