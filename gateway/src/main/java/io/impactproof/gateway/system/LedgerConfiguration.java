package io.impactproof.gateway.system;

import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.footprint.CpuMeter;
import io.impactproof.gateway.footprint.MeteredLedgerPort;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every feature uses whichever ledger runs: the typed registry client over the configured
 * {@link LedgerPort}, the content store and the key store, one of each.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CpuMeter cpuMeter() {
        return CpuMeter.measuring();
    }

    /** Every feature's ledger calls go through the meter: the footprint's measured CPU per kind. */
    @Bean
    RegistryClient registry(final LedgerPort port, final CpuMeter meter) {
        return new RegistryClient(new MeteredLedgerPort(port, meter));
    }

    @Bean
    ContentStore contentStore(final GatewayProperties properties) {
        return new ContentStore(properties.dataDir().resolve("store"));
    }

    @Bean
    KeyStoreFile keyStore(final GatewayProperties properties) {
        return KeyStoreFile.open(properties.dataDir().resolve("keystore.json"));
    }
}
