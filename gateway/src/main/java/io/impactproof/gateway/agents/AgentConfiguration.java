package io.impactproof.gateway.agents;

import io.impactproof.client.RegistryClient;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.system.GatewayProperties;
import io.impactproof.gateway.system.KeyStoreFile;
import java.time.Clock;
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
