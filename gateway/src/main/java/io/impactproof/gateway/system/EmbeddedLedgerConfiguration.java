package io.impactproof.gateway.system;

import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.ledger.embedded.EmbeddedLedger;
import io.impactproof.ledger.embedded.EmbeddedLedgerPort;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded ledger (the default, {@code impactproof.ledger.kind=embedded}): the chaincode runs in
 * this process on the block file in {@code dataDir/ledger}, which this process locks. The only
 * production class outside the embedded ledger's module that names its types.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "impactproof.ledger.kind", havingValue = "embedded", matchIfMissing = true)
class EmbeddedLedgerConfiguration {
    @Bean(destroyMethod = "close")
    LedgerPort ledgerPort(final GatewayProperties properties, final Clock clock) {
        return EmbeddedLedgerPort.owning(
                EmbeddedLedger.open(properties.dataDir().resolve("ledger"), clock), properties.mspId());
    }
}
