package io.impactproof.gateway.agents;

import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.LedgerUnavailable;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.boavizta.Recomputation;
import io.impactproof.gateway.footprint.CpuMeter;
import io.impactproof.gateway.system.GatewayProperties;
import io.impactproof.gateway.system.KeyStoreFile;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agents this node signs for, registered (with the bundled protocols) when the node starts. */
@Configuration(proxyBeanMethods = false)
class AgentConfiguration {
    @Bean
    ManagedAgents managedAgents(
            final RegistryClient registry,
            final ContentStore store,
            final KeyStoreFile keys,
            final GatewayProperties properties,
            final Recomputation recomputation,
            final CpuMeter meter,
            final Clock clock) {
        final ManagedAgents agents = new ManagedAgents(
                registry,
                store,
                keys,
                properties.baseUrl(),
                properties.mspId(),
                properties.agents().skew(),
                recomputation,
                meter,
                clock);
        bootstrap(agents);
        return agents;
    }

    /** How long a starting node waits for its ledger to take the bootstrap (a network still forming). */
    static final Duration BOOTSTRAP_PATIENCE = Duration.ofMinutes(2);

    private static void bootstrap(final ManagedAgents agents) {
        final long deadline = System.nanoTime() + BOOTSTRAP_PATIENCE.toNanos();
        while (true) {
            try {
                if (!agents.bootstrapIfMember()) {
                    // A node of an organisation the members have not admitted yet starts all the same:
                    // its agents register once a member.add decision names its operator (AgentRunner
                    // retries).
                    LOG.warning(() -> "this organisation is not a member: the members admit it with a member.add"
                            + " proposal naming its operator "
                            + agents.operator().did()
                            + " (its key: /agents/operator/did.json); its agents register then");
                }
                return;
            } catch (LedgerUnavailable e) {
                // A peer that has just joined may not yet know the other organisations' peers.
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warning(() -> "the ledger cannot take the node's bootstrap yet (" + e.getMessage() + "); retrying");
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static final Logger LOG = Logger.getLogger(AgentConfiguration.class.getName());
}
