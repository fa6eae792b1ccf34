package io.impactproof.gateway.demo;

import io.impactproof.gateway.config.GatewayProperties;
import io.impactproof.gateway.keys.KeyStoreFile;
import io.impactproof.gateway.ledger.EmbeddedLedgerPort;
import io.impactproof.gateway.ledger.Registry;
import io.impactproof.gateway.store.ContentStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** With {@code impactproof.demo=true}, runs the demo once the service is up, then prints where it is. */
@Component
@ConditionalOnProperty(name = "impactproof.demo", havingValue = "true")
class DemoRunner {
    private final Registry registry;
    private final ContentStore store;
    private final KeyStoreFile keys;
    private final GatewayProperties properties;
    private final EmbeddedLedgerPort ledger;
    private final Clock clock;

    DemoRunner(
            final Registry registry,
            final ContentStore store,
            final KeyStoreFile keys,
            final GatewayProperties properties,
            final EmbeddedLedgerPort ledger,
            final Clock clock) {
        this.registry = registry;
        this.store = store;
        this.keys = keys;
        this.properties = properties;
        this.ledger = ledger;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void run() {
        final Demo demo = new Demo(System.out, registry, store, keys, clock, properties.baseUrl());
        final boolean ok = demo.run();
        final var report = ledger.ledger().verify();
        final String base = properties.baseUrl();
        System.out.printf(
                "%nLedger %s: %d blocks, chain %s%n",
                properties.dataDir().resolve("ledger").toAbsolutePath(),
                report.blocks(),
                report.valid() ? "verified" : "BROKEN: " + report.detail());
        System.out.println(ok ? "Demo complete: every expected outcome observed." : "DEMO INCOMPLETE: see above.");
        System.out.printf("%nThe service keeps running (Ctrl-C stops it):%n");
        System.out.printf("  API documentation  %s/swagger-ui/index.html  (OpenAPI: %s/v3/api-docs)%n", base, base);
        System.out.printf("  a certificate      %s/certificates/%s%n", base, demo.firstSerial());
        System.out.printf("  its trust chain    %s/certificates/%s/chain%n", base, demo.firstSerial());
        System.out.printf("  protocols          %s/protocols%n", base);
        System.out.printf("  ledger check       %s/operators/ledger%n", base);
        System.out.printf("  health, metrics    %s/actuator/health  %s/actuator/prometheus%n", base, base);
    }
}
