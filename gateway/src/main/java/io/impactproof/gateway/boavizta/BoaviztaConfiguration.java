package io.impactproof.gateway.boavizta;

import io.impactproof.gateway.system.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One BoaviztAPI client per node, and the algorithmic verifiers' recomputation over it. */
@Configuration(proxyBeanMethods = false)
class BoaviztaConfiguration {
    @Bean
    Boavizta boavizta(final GatewayProperties properties) {
        return new Boavizta(properties.boavizta().url(), properties.boavizta().timeout());
    }

    @Bean
    Recomputation recomputation(final Boavizta boavizta) {
        return new Recomputation(boavizta);
    }
}
