package io.impactproof.gateway.agents;

import io.impactproof.client.Instructions;
import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.boavizta.Recomputation;
import io.impactproof.gateway.footprint.CpuMeter;
import io.impactproof.gateway.system.KeyStoreFile;
import io.impactproof.model.Actions;
import io.impactproof.model.RegistryError;
import io.impactproof.model.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * The participants this node signs for — its organisation's operator, five automated verifiers and
 * a validator — with keys from the local key store. {@link #bootstrap()} registers them and
 * publishes the bundled protocols bound to them; it is idempotent. Thread-safe.
 */
public final class ManagedAgents {
    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(ManagedAgents.class.getName());

    public static final int VERIFIERS = 5;

    private final RegistryClient registry;
    private final String organisation;
    private final Clock clock;
    private final SigningKey operator;
    private final List<VerifierAgent> verifiers = new ArrayList<>();
    private final ValidatorAgent validator;

    public ManagedAgents(
            final RegistryClient registry,
            final ContentStore store,
            final KeyStoreFile keys,
            final String baseUrl,
            final String organisation,
            final Map<String, String> skew,
            final Recomputation recomputation,
            final CpuMeter meter,
            final Clock clock) {
        this.registry = registry;
        this.organisation = organisation;
        this.clock = clock;
        this.operator = key(keys, baseUrl, "operator");
        for (int i = 1; i <= VERIFIERS; i++) {
            final String alias = "verifier-" + i;
            final VerifierAgent agent =
                    new VerifierAgent(key(keys, baseUrl, alias), store, baseUrl, clock, recomputation, meter);
            if (skew.containsKey(alias)) {
                agent.skew(new BigDecimal(skew.get(alias)));
            }
            verifiers.add(agent);
        }
        this.validator = new ValidatorAgent(key(keys, baseUrl, "validator"), registry, store, baseUrl, clock, meter);
    }

    private static SigningKey key(final KeyStoreFile keys, final String baseUrl, final String alias) {
        return keys.key(alias, () -> SigningKey.of(AgentIdentities.keyId(baseUrl, alias), SigningKey.newEd25519()));
    }

    public SigningKey operator() {
        return operator;
    }

    public List<VerifierAgent> verifiers() {
        return List.copyOf(verifiers);
    }

    public ValidatorAgent validator() {
        return validator;
    }

    public String organisation() {
        return organisation;
    }

    /** Registers the operator (bootstrapping the organisation), the agents, and publishes the bundled protocols. */
    public List<PublishedProtocol> bootstrap() {
        register(operator, "Registry operator of " + organisation, "operator");
        final List<PublishedProtocol> published = registerAgentsAndPublish();
        bootstrapped = true;
        return published;
    }

    /**
     * {@link #bootstrap()}, or false while the members have not admitted this organisation (its
     * registration refused {@code NOT_A_MEMBER}, nothing written); any other refusal is thrown.
     */
    public boolean bootstrapIfMember() {
        try {
            bootstrap();
            return true;
        } catch (TransactionRefused e) {
            if (RegistryError.NOT_A_MEMBER.name().equals(e.code())) {
                return false;
            }
            throw e;
        }
    }

    /** Whether {@link #bootstrap()} has succeeded on this node (it fails while the organisation is not a member). */
    public boolean bootstrapped() {
        return bootstrapped;
    }

    private volatile boolean bootstrapped;

    private List<PublishedProtocol> registerAgentsAndPublish() {
        for (int i = 0; i < verifiers.size(); i++) {
            register(verifiers.get(i).key(), "Automated verifier " + (i + 1), "verifier");
        }
        register(validator.key(), "Automated validator", "validator");
        final List<PublishedProtocol> published = new ArrayList<>();
        for (final String file : ProtocolLoader.BUNDLED) {
            final PublishedProtocol protocol = publish(bundled(file));
            if (protocol != null) {
                published.add(protocol);
            }
        }
        return published;
    }

    /**
     * Registers a participant of this organisation, signed by the operator. A participant already
     * registered is left as it is: a restarted node writes nothing (and never re-sends an instruction
     * it signed in the same second, which the ledger would refuse as a replay).
     */
    public void register(final SigningKey who, final String name, final String... roles) {
        try {
            registry.participant(who.did());
            return;
        } catch (TransactionRefused e) {
            if (!RegistryError.PARTICIPANT_NOT_FOUND.name().equals(e.code())) {
                throw e;
            }
        }
        registry.register(Instructions.sign(
                operator,
                Actions.REGISTER,
                Instructions.registration(who.did(), name, organisation, List.of(roles), who),
                clock.instant()));
    }

    /** Publishes a definition with its slots bound to this node's verifiers and validator; a version already published is returned as it is. */
    public PublishedProtocol publish(final String definition) {
        final var compiled = ProtocolLoader.load(definition);
        try {
            final PublishedProtocol existing = registry.protocol(
                    compiled.protocol().id(), compiled.protocol().version());
            if (existing.digest().equals(compiled.digest())) {
                return existing;
            }
        } catch (TransactionRefused e) {
            if (!RegistryError.PROTOCOL_NOT_FOUND.name().equals(e.code())) {
                throw e;
            }
        }
        final ObjectNode args = Json.object().put("definition", definition);
        final ObjectNode bindings = args.putObject("bindings");
        for (int i = 0; i < verifiers.size(); i++) {
            bindings.put("verifier-" + (i + 1), verifiers.get(i).did());
        }
        bindings.put("validator", validator.did());
        if (registry.charter().isPresent()) {
            return proposed(compiled, args);
        }
        try {
            return registry.publish(Instructions.sign(operator, Actions.PUBLISH, args, clock.instant()));
        } catch (TransactionRefused e) {
            // Another organisation's node published the same definition first (two nodes starting
            // at once on one ledger): its designations stand, as if it had been there at our check.
            if (RegistryError.PROTOCOL_VERSION_EXISTS.name().equals(e.code())) {
                final PublishedProtocol winner = registry.protocol(
                        compiled.protocol().id(), compiled.protocol().version());
                if (winner.digest().equals(compiled.digest())) {
                    return winner;
                }
            }
            throw e;
        }
    }

    /**
     * Once the members adopted a charter, a version is proposed to them instead: returned when the
     * quorum adopted it (a single member's), null while it awaits the other members' approval.
     */
    private PublishedProtocol proposed(
            final io.impactproof.protocols.engine.CompiledProtocol compiled, final ObjectNode args) {
        final String id = "publish-" + compiled.ref() + "-" + compiled.digest().substring(0, 12);
        io.impactproof.model.governance.Proposal proposal;
        try {
            proposal = registry.proposal(id);
        } catch (TransactionRefused e) {
            if (!RegistryError.PROPOSAL_NOT_FOUND.name().equals(e.code())) {
                throw e;
            }
            final ObjectNode propose =
                    Json.object().put("id", id).put("kind", io.impactproof.model.governance.Proposal.PUBLISH_PROTOCOL);
            propose.set("terms", args);
            proposal = registry.propose(Instructions.sign(operator, Actions.PROPOSE, propose, clock.instant()));
        }
        if (!io.impactproof.model.governance.Proposal.ADOPTED.equals(proposal.status())) {
            LOG.info(() -> compiled.ref() + " awaits the members' approval (proposal " + id + ")");
            return null;
        }
        return registry.protocol(compiled.protocol().id(), compiled.protocol().version());
    }

    public static String bundled(final String file) {
        try (InputStream in =
                ProtocolLoader.class.getResourceAsStream("/io/impactproof/protocols/definitions/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
