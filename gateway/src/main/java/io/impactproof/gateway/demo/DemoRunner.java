package io.impactproof.gateway.demo;

import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.LedgerInfo;
import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.boavizta.Boavizta;
import io.impactproof.gateway.system.GatewayProperties;
import io.impactproof.gateway.system.KeyStoreFile;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** With {@code impactproof.demo=true}, runs the demo once the service is up, then prints where it is. */
@Component
@ConditionalOnProperty(name = "impactproof.demo", havingValue = "true")
record DemoRunner(
        RegistryClient registry,
        ContentStore store,
        KeyStoreFile keys,
        GatewayProperties properties,
        LedgerPort ledger,
        Boavizta boavizta,
        Clock clock) {

    @EventListener(ApplicationReadyEvent.class)
    void run() {
        final Demo demo = new Demo(System.out, registry, store, keys, clock, properties.baseUrl(), boavizta);
        final boolean ok = demo.run();
        final LedgerInfo info = ledger.info();
        final String chain = ledger.verifyChain()
                .map(check -> check.valid() ? "verified" : "BROKEN: " + check.detail())
                .orElse("checked by the ledger's own nodes");
        final String base = properties.baseUrl();
        System.out.printf("%nLedger (%s): %d blocks, chain %s%n", info.kind(), info.height(), chain);
        System.out.println(ok ? "Demo complete: every expected outcome observed." : "DEMO INCOMPLETE: see above.");
        System.out.printf("%nThe service keeps running (Ctrl-C stops it):%n");
        System.out.printf("  API documentation  %s/swagger-ui/index.html  (OpenAPI: %s/v3/api-docs)%n", base, base);
        System.out.printf("  a certificate      %s/certificates/%s%n", base, demo.firstSerial());
        System.out.printf("  verify it          %s/verify.html?serial=%s%n", base, demo.firstSerial());
        System.out.printf("  its trust chain    %s/certificates/%s/chain%n", base, demo.firstSerial());
        System.out.printf("  protocols          %s/protocols%n", base);
        System.out.printf("  ledger check       %s/operators/ledger%n", base);
        System.out.printf("  health, metrics    %s/actuator/health  %s/actuator/prometheus%n", base, base);
    }
}
