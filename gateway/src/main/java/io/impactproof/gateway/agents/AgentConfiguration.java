package io.impactproof.gateway.agents;

import io.impactproof.gateway.config.GatewayProperties;
import io.impactproof.gateway.keys.KeyStoreFile;
import io.impactproof.gateway.ledger.Registry;
import io.impactproof.gateway.store.ContentStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agents this node signs for, registered (with the bundled protocols) when the node starts. */
@Configuration(proxyBeanMethods = false)
class AgentConfiguration {
    @Bean
    ManagedAgents managedAgents(
            final Registry registry,
            final ContentStore store,
            final KeyStoreFile keys,
            final GatewayProperties properties,
            final Clock clock) {
        final ManagedAgents agents = new ManagedAgents(
                registry,
                store,
                keys,
                properties.baseUrl(),
                properties.mspId(),
                properties.agents().skew(),
                clock);
        agents.bootstrap();
        return agents;
    }
}
