package io.impactproof.gateway.system;

import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.ledger.fabric.FabricLedgerPort;
import io.impactproof.ledger.fabric.FabricSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A Fabric network ({@code impactproof.ledger.kind=fabric}): this gateway submits as its own
 * organisation through its own peer; the chaincode runs in each organisation's chaincode server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "impactproof.ledger.kind", havingValue = "fabric")
class FabricLedgerConfiguration {
    @Bean(destroyMethod = "close")
    LedgerPort ledgerPort(final GatewayProperties properties) {
        final GatewayProperties.Fabric fabric = properties.ledger().fabric();
        final List<String> missing = new ArrayList<>();
        if (fabric.peerEndpoint() == null || fabric.peerEndpoint().isBlank()) {
            missing.add("impactproof.ledger.fabric.peer-endpoint");
        }
        check(fabric.tlsRootCert(), "impactproof.ledger.fabric.tls-root-cert", missing);
        check(fabric.certificate(), "impactproof.ledger.fabric.certificate", missing);
        check(fabric.privateKey(), "impactproof.ledger.fabric.private-key", missing);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("impactproof.ledger.kind=fabric needs readable settings " + missing
                    + " (network/impactnet env org1 prints them for the local network)");
        }
        return FabricLedgerPort.connect(new FabricSettings(
                fabric.peerEndpoint(),
                fabric.tlsRootCert(),
                fabric.certificate(),
                fabric.privateKey(),
                properties.mspId(),
                fabric.channel(),
                fabric.chaincode(),
                fabric.endorsingOrganisations(),
                fabric.conflictRetries(),
                fabric.evaluateTimeout(),
                fabric.endorseTimeout(),
                fabric.submitTimeout(),
                fabric.commitTimeout()));
    }

    private static void check(final Path file, final String name, final List<String> missing) {
        if (file == null || !Files.isReadable(file)) {
            missing.add(name + (file == null ? "" : " (" + file + " is not readable)"));
        }
    }
}
