package io.impactproof.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.Instructions;
import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.gateway.agents.ManagedAgents;
import io.impactproof.gateway.agents.VerifierAgent;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.ledger.embedded.EmbeddedLedgerPort;
import io.impactproof.model.Actions;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.protocol.PublishedProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.node.ObjectNode;

/**
 * A gateway with its agents off and one participant of every role, each acting with its own key,
 * plus participants of a second organisation (Org2MSP) on the same ledger. Claims, verified claims
 * and active certificates are made on demand, each for a fresh activity.
 */
final class Fixture implements AutoCloseable {
    static final String CARGO = "cargo-bike-delivery";
    static final String ORG2 = "Org2MSP";

    final Path data;
    final Gateway gateway;
    final ManagedAgents agents;
    final RegistryClient registry;
    final SigningKey owner = SigningKey.generateEd25519DidKey();
    final SigningKey financer = SigningKey.of("did:web:fund.fixture.example#key-1", SigningKey.newEd25519());
    final SigningKey stranger = SigningKey.generateEd25519DidKey();
    final SigningKey operator2 = SigningKey.of("did:web:operator.org2.example#key-1", SigningKey.newEd25519());
    final SigningKey owner2 = SigningKey.generateEd25519DidKey();
    final SigningKey verifier2 = SigningKey.of("did:web:verifier.org2.example#key-1", SigningKey.newEd25519());
    final SigningKey validator2 = SigningKey.of("did:web:validator.org2.example#key-1", SigningKey.newEd25519());
    final SigningKey financer2 = SigningKey.of("did:web:fund.org2.example#key-1", SigningKey.newEd25519());
    private final AtomicInteger activities = new AtomicInteger();

    Fixture(final Path data) {
        this.data = data;
        this.gateway = Gateway.start(data, false);
        this.agents = gateway.bean(ManagedAgents.class);
        this.registry = gateway.bean(RegistryClient.class);
        agents.register(owner, "owner", "owner");
        agents.register(financer, "financer", "financer");
        final RegistryClient org2 =
                new RegistryClient(((EmbeddedLedgerPort) gateway.bean(LedgerPort.class)).forOrganisation(ORG2));
        org2.register(sign(
                operator2,
                Actions.REGISTER,
                Instructions.registration(operator2.did(), "operator of org2", ORG2, List.of("operator"), operator2)));
        for (final var entry : Map.of(
                        owner2, "owner", verifier2, "verifier", validator2, "validator", financer2, "financer")
                .entrySet()) {
            org2.register(sign(
                    operator2,
                    Actions.REGISTER,
                    Instructions.registration(
                            entry.getKey().did(),
                            entry.getValue() + " of org2",
                            ORG2,
                            List.of(entry.getValue()),
                            entry.getKey())));
        }
    }

    SigningKey operator() {
        return agents.operator();
    }

    SigningKey validator() {
        return agents.validator().key();
    }

    SigningKey verifier() {
        return agents.verifiers().get(0).key();
    }

    static String sign(final SigningKey key, final String action, final ObjectNode args) {
        return Instructions.sign(key, action, args, Instant.now());
    }

    static ObjectNode instruction(final SigningKey key, final String action, final ObjectNode args) {
        return Json.object().put("instruction", sign(key, action, args));
    }

    PublishedProtocol protocol() {
        return registry.protocol(CARGO, "1.1.0");
    }

    /** A signed claim of a fresh delivery (not submitted). */
    SignedCredential claim(final SigningKey by) {
        return claim(by, Gateway.delivery("FIX-" + activities.incrementAndGet() + "-" + UUID.randomUUID()));
    }

    SignedCredential claim(final SigningKey by, final ObjectNode data) {
        return VcJwt.sign(
                ImpactCredentials.claim(
                        "urn:uuid:" + UUID.randomUUID(), by.did(), protocol(), data, List.of(), Instant.now()),
                by,
                Instant.now());
    }

    static ObjectNode batch(final SignedCredential... credentials) {
        final ObjectNode body = Json.object();
        for (final SignedCredential c : credentials) {
            body.withArray("credentials").add(c.compact());
        }
        return body;
    }

    /** A submitted claim of a fresh delivery, by the owner. */
    ClaimRecord submitted() {
        return submitted(Gateway.delivery("FIX-" + activities.incrementAndGet() + "-" + UUID.randomUUID()));
    }

    /** A submitted claim of this delivery, by the owner. */
    ClaimRecord submitted(final ObjectNode data) {
        final SignedCredential claim = claim(owner, data);
        StoredCredentials.storedDuring(
                gateway.bean(ContentStore.class), List.of(claim), () -> registry.submitClaims(List.of(claim)));
        return registry.claim(claim.credential().id().orElseThrow());
    }

    /** An attestation of a recorded claim by one of the node's verifiers, with its value. */
    SignedCredential attestation(final ClaimRecord claim, final int verifier) {
        final VerifierAgent agent = agents.verifiers().get(verifier);
        return agent.attest(claim, registry.protocol(claim.protocol()));
    }

    /** A VERIFIED claim (three agreeing attestations). */
    ClaimRecord verified() {
        return verified(Gateway.delivery("FIX-" + activities.incrementAndGet() + "-" + UUID.randomUUID()));
    }

    ClaimRecord verified(final ObjectNode data) {
        final ClaimRecord claim = submitted(data);
        final List<SignedCredential> attestations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            attestations.add(attestation(claim, i));
        }
        StoredCredentials.storedDuring(
                gateway.bean(ContentStore.class), attestations, () -> registry.attest(attestations));
        return registry.claim(claim.id());
    }

    /** An ACTIVE certificate held by the owner. */
    CertificateRecord active() {
        return active(Gateway.delivery("FIX-" + activities.incrementAndGet() + "-" + UUID.randomUUID()));
    }

    /** An ACTIVE certificate of this delivery, held by the owner. */
    CertificateRecord active(final ObjectNode data) {
        final ClaimRecord claim = verified(data);
        return agents.validator().certify(List.of(claim.id())).get(0);
    }

    /** What a refusal must leave unchanged: the ledger's height and every file of the node's data. */
    /** The ledger's height, every data file's size but the content store's, and what that store holds. */
    record Snapshot(long height, Map<String, Long> files, String store) {}

    Snapshot snapshot() {
        final Map<String, Long> files = new TreeMap<>();
        try (var walk = Files.walk(data)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".checkpoint"))
                    // Its log files grow with a refused write and its removal: compared by content.
                    .filter(p -> !data.relativize(p).startsWith(Path.of("store", "db")))
                    .forEach(p -> {
                        try {
                            files.put(data.relativize(p).toString(), Files.size(p));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Snapshot(
                gateway.bean(LedgerPort.class).info().height(),
                files,
                gateway.bean(io.impactproof.gateway.artifacts.ContentStore.class)
                        .fingerprint());
    }

    /** Sends a request that must be refused with this status and code, and change nothing. */
    Gateway.Response refused(
            final int status, final String code, final java.util.function.Supplier<Gateway.Response> request) {
        final Snapshot before = snapshot();
        final Gateway.Response response = request.get();
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.body()).isEqualTo(code);
        assertThat(snapshot())
                .as("a refused request changes nothing, on the ledger or off it")
                .isEqualTo(before);
        return response;
    }

    @Override
    public void close() {
        gateway.close();
    }
}
