package io.impactproof.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.Instructions;
import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.gateway.agents.ManagedAgents;
import io.impactproof.gateway.system.KeyStoreFile;
import io.impactproof.model.Actions;
import io.impactproof.model.claim.ClaimStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifiers and the validator as independent parties: five verifiers and a validator whose keys
 * exist only in their own files, each run as its own process ({@code impactproof agent verifier},
 * {@code impactproof agent validator}, the CLI's jar) against the gateway's public API; a gateway
 * whose managed agents are off and whose key store holds none of their keys gets the claims
 * certified.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndependentVerifiersIntegrationTests {
    private static final String PROTOCOL = "cargo-bike-delivery";
    private static final String VERSION = "1.2.0";

    @TempDir
    static Path data;

    @TempDir
    static Path keys;

    private Gateway gateway;
    private RegistryClient registry;
    private final List<SigningKey> verifiers = new ArrayList<>();
    private final SigningKey validator =
            SigningKey.of("did:web:validator.independent.example#key-1", SigningKey.newEd25519());
    private final SigningKey owner = SigningKey.generateEd25519DidKey();
    /** An owner whose key the verifiers find in the DID document the registry serves from the ledger. */
    private final SigningKey webOwner =
            SigningKey.of("did:web:coop.independent.example#key-1", SigningKey.newEd25519());

    @BeforeAll
    void start() {
        gateway = Gateway.start(
                data,
                true,
                0,
                "http://registry.test",
                List.of("--impactproof.agents.verifiers=false", "--impactproof.agents.validator=false"));
        registry = gateway.bean(RegistryClient.class);
        final ManagedAgents agents = gateway.bean(ManagedAgents.class);
        agents.register(owner, "owner", "owner");
        agents.register(webOwner, "web owner", "owner");
        for (int i = 1; i <= 5; i++) {
            final SigningKey verifier =
                    SigningKey.of("did:web:verifier-" + i + ".independent.example#key-1", SigningKey.newEd25519());
            agents.register(verifier, "independent verifier " + i, "verifier");
            verifiers.add(verifier);
        }
        // The sub-network publishes a version of the protocol whose slots name the independent verifiers.
        final ObjectNode args = Json.object()
                .put(
                        "definition",
                        ManagedAgents.bundled("cargo-bike-delivery-1.1.0.yaml")
                                .replace("version: 1.1.0", "version: " + VERSION));
        final ObjectNode bindings = args.putObject("bindings");
        for (int i = 0; i < 5; i++) {
            bindings.put("verifier-" + (i + 1), verifiers.get(i).did());
        }
        agents.register(validator, "independent validator", "validator");
        bindings.put("validator", validator.did());
        registry.publish(Instructions.sign(agents.operator(), Actions.PUBLISH, args, Instant.now()));
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void claims_are_certified_by_verifiers_running_in_their_own_processes_with_their_own_keys() throws Exception {
        final List<String> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claims.add(gateway.submitClaim(owner, PROTOCOL + "@" + VERSION, Gateway.delivery("IND-" + i)));
        }
        claims.add(gateway.submitClaim(webOwner, PROTOCOL + "@" + VERSION, Gateway.delivery("IND-WEB")));
        // Three verifiers attest, each in its own process; three agree, the quorum of the protocol.
        final List<AgentProcess> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(AgentProcess.start("verifier", verifiers.get(i), gateway.base, keys));
        }
        for (final AgentProcess process : processes) {
            assertThat(process.finish()).contains("attested 5, rejected 0, left 0");
        }
        assertThat(claims)
                .allSatisfy(id -> assertThat(registry.claim(id).status()).isEqualTo(ClaimStatus.VERIFIED));
        assertThat(AgentProcess.start("validator", validator, gateway.base, keys)
                        .finish())
                .contains("certified 5, left 0");
        for (final String id : claims) {
            final var claim = registry.claim(id);
            assertThat(claim.status()).isEqualTo(ClaimStatus.CERTIFIED);
            final var certificate = registry.certificate(claim.certificate());
            assertThat(certificate.validator()).isEqualTo(validator.did());
            assertThat(certificate.status().name()).isEqualTo("ACTIVE");
        }
        // Anyone verifies the certificate the independent validator signed, through the node's trust chain.
        final String serial = registry.claim(claims.get(0)).certificate();
        final var chain = new io.impactproof.gateway.verification.TrustChain(
                        registry, gateway.bean(io.impactproof.gateway.artifacts.ContentStore.class))
                .of(serial);
        assertThat(chain.allValid())
                .as(io.impactproof.gateway.verification.TrustChain.render(chain))
                .isTrue();
        assertThat(io.impactproof.gateway.artifacts.StoredCredentials.parse(
                                gateway.get("/certificates/" + serial, "Accept", "application/vc+jwt")
                                        .body())
                        .credential()
                        .issuerId())
                .as("the certificate credential is the independent validator's")
                .isEqualTo(validator.did());
        for (final String id : claims) {
            assertThat(registry.attestations(id))
                    .extracting(a -> a.verifier())
                    .containsExactlyInAnyOrder(
                            verifiers.get(0).did(),
                            verifiers.get(1).did(),
                            verifiers.get(2).did());
        }
        final KeyStoreFile store = gateway.bean(KeyStoreFile.class);
        final String stored = Files.readString(data.resolve("keystore.json"));
        for (final SigningKey v : java.util.stream.Stream.concat(
                        verifiers.stream(), java.util.stream.Stream.of(validator))
                .toList()) {
            assertThat(stored)
                    .as("no independent verifier's key in the node's key store")
                    .doesNotContain(v.publicKey().toOctetKeyPair().getX().toString());
        }
        assertThat(store).isNotNull();
        // Run again: nothing is left for them, nothing is attested or certified twice.
        assertThat(AgentProcess.start("verifier", verifiers.get(0), gateway.base, keys)
                        .finish())
                .contains("attested 0, rejected 0, left 0");
        assertThat(AgentProcess.start("validator", validator, gateway.base, keys)
                        .finish())
                .contains("certified 0, left 0");
    }

    @Test
    void watching_agents_act_when_the_event_stream_says_there_is_work_not_after_their_interval() throws Exception {
        final double before = openStreams();
        final List<AgentProcess> watching = new ArrayList<>();
        try {
            // An interval of ten minutes: within this test, only an event can start their second pass.
            for (int i = 2; i < 5; i++) {
                watching.add(
                        AgentProcess.watch("verifier", verifiers.get(i), gateway.base, keys, "--interval", "PT10M"));
            }
            watching.add(AgentProcess.watch("validator", validator, gateway.base, keys, "--interval", "PT10M"));
            final java.util.regex.Pattern pass =
                    java.util.regex.Pattern.compile("(attested \\d+, rejected \\d+|certified \\d+), left \\d+");
            await("every agent's first pass, and its event stream open", () -> {
                for (final AgentProcess agent : watching) {
                    if (!pass.matcher(agent.output()).find()) {
                        return false;
                    }
                }
                return openStreams() >= before + watching.size();
            });
            final String claim = gateway.submitClaim(owner, PROTOCOL + "@" + VERSION, Gateway.delivery("IND-WATCH"));
            await("the claim certified by the watching agents, its certificate ACTIVE", () -> {
                final var record = registry.claim(claim);
                return record.status() == ClaimStatus.CERTIFIED
                        && registry.certificate(record.certificate())
                                .status()
                                .name()
                                .equals("ACTIVE");
            });
            assertThat(registry.attestations(claim))
                    .extracting(a -> a.verifier())
                    .containsExactlyInAnyOrder(
                            verifiers.get(2).did(),
                            verifiers.get(3).did(),
                            verifiers.get(4).did());
        } finally {
            for (final AgentProcess agent : watching) {
                agent.stop();
            }
        }
        for (final AgentProcess agent : watching) {
            assertThat(agent.output()).containsAnyOf("attested 1, rejected 0, left 0", "certified 1, left 0");
        }
    }

    private double openStreams() {
        return gateway.get("/actuator/metrics/impactproof.events.streams")
                .json()
                .path("measurements")
                .path(0)
                .path("value")
                .asDouble();
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(final String what, final Condition condition) throws Exception {
        final long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("%s, within 60 s", what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
