package io.impactproof.gateway.config;

import io.impactproof.gateway.keys.KeyStoreFile;
import io.impactproof.gateway.ledger.EmbeddedLedgerPort;
import io.impactproof.gateway.ledger.Registry;
import io.impactproof.gateway.store.ContentStore;
import io.impactproof.ledger.EmbeddedLedger;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded ledger (the default ledger), the content store and the key store, one of each. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    EmbeddedLedgerPort ledgerPort(final GatewayProperties properties, final Clock clock) {
        return new EmbeddedLedgerPort(
                EmbeddedLedger.open(properties.dataDir().resolve("ledger"), clock), properties.mspId());
    }

    @Bean
    Registry registry(final EmbeddedLedgerPort port) {
        return new Registry(port);
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
