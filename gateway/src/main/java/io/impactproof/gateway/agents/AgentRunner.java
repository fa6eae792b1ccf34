package io.impactproof.gateway.agents;

import io.impactproof.chaincode.claim.ClaimRecord;
import io.impactproof.chaincode.claim.ClaimStatus;
import io.impactproof.chaincode.protocol.PublishedProtocol;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.config.GatewayProperties;
import io.impactproof.gateway.ledger.EmbeddedLedgerPort;
import io.impactproof.gateway.ledger.LedgerRefusal;
import io.impactproof.gateway.ledger.Registry;
import io.impactproof.ledger.Committed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Runs the automated agents from the ledger's events, on one worker thread: when claims are
 * submitted, the managed verifiers attest them; when claims become VERIFIED, the managed validator
 * certifies them. At start it catches up with the claims still awaiting a managed verifier and the
 * VERIFIED claims awaiting its validator, so a restarted node loses no work.
 */
@Component
class AgentRunner implements DisposableBean {
    private static final Logger LOG = Logger.getLogger(AgentRunner.class.getName());

    private final ManagedAgents agents;
    private final Registry registry;
    private final GatewayProperties.Agents settings;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        final Thread t = new Thread(r, "impactproof-agents");
        t.setDaemon(true);
        return t;
    });

    AgentRunner(
            final ManagedAgents agents,
            final Registry registry,
            final EmbeddedLedgerPort ledger,
            final GatewayProperties properties) {
        this.agents = agents;
        this.registry = registry;
        this.settings = properties.agents();
        ledger.ledger().onCommit(committed -> worker.execute(() -> handle(committed)));
    }

    /** Work left when the node stopped: claims awaiting its verifiers, VERIFIED claims awaiting its validator. */
    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        worker.execute(() -> {
            if (settings.verifiers()) {
                final Set<String> pending = new LinkedHashSet<>();
                agents.verifiers().forEach(v -> registry.awaiting(v.did()).forEach(c -> pending.add(c.id())));
                attest(pending);
            }
            if (settings.validator()) {
                final Set<String> verified = new LinkedHashSet<>();
                for (final ClaimRecord claim : registry.claimsWithStatus(ClaimStatus.VERIFIED.name())) {
                    final PublishedProtocol protocol = registry.protocol(claim.protocol());
                    if (protocol.validators().contains(agents.validator().did())) {
                        verified.add(claim.id());
                    }
                }
                certify(verified);
            }
        });
    }

    private void handle(final Committed committed) {
        if (committed.eventName() == null || committed.eventPayload() == null) {
            return;
        }
        try {
            final JsonNode event = Json.parse(new String(committed.eventPayload(), StandardCharsets.UTF_8));
            switch (committed.eventName()) {
                case "ClaimsSubmitted" -> {
                    if (settings.verifiers()) {
                        attest(ids(event, null));
                    }
                }
                case "AttestationsRecorded" -> {
                    if (settings.validator()) {
                        certify(ids(event, ClaimStatus.VERIFIED.name()));
                    }
                }
                default -> {
                    // Other events need no agent.
                }
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "agents could not handle " + committed.eventName() + " of block " + committed.block(),
                    e);
        }
    }

    private static Set<String> ids(final JsonNode event, final String status) {
        final Set<String> ids = new LinkedHashSet<>();
        for (final JsonNode claim : event.path("claims")) {
            if (status == null || status.equals(claim.path("status").stringValue(""))) {
                ids.add(claim.path("id").stringValue(""));
            }
        }
        return ids;
    }

    private void attest(final Set<String> claimIds) {
        final List<SignedCredential> attestations = new ArrayList<>();
        for (final String id : claimIds) {
            try {
                attestations.addAll(attestationsFor(id));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the verifier agents could not attest " + id, e);
            }
        }
        if (!attestations.isEmpty()) {
            try {
                registry.attest(attestations);
            } catch (LedgerRefusal e) {
                LOG.warning(() -> "the verifier agents' attestations were refused: " + e.getMessage());
            }
        }
    }

    private List<SignedCredential> attestationsFor(final String id) {
        final List<SignedCredential> attestations = new ArrayList<>();
        final ClaimRecord claim = registry.claim(id);
        final PublishedProtocol protocol = registry.protocol(claim.protocol());
        for (final VerifierAgent verifier : agents.verifiers()) {
            if (protocol.verifiers().contains(verifier.did())
                    && registry.awaiting(verifier.did()).stream().anyMatch(c -> c.id().equals(id))) {
                attestations.add(verifier.attest(claim, protocol));
            }
        }
        return attestations;
    }

    private void certify(final Set<String> claimIds) {
        if (claimIds.isEmpty()) {
            return;
        }
        try {
            agents.validator().certify(claimIds);
        } catch (LedgerRefusal e) {
            LOG.warning(() -> "the validator agent could not certify " + claimIds + ": " + e.getMessage());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }
}
