package io.impactproof.gateway.system;

import io.impactproof.client.ledger.LedgerException;
import io.impactproof.client.ledger.LedgerInfo;
import io.impactproof.client.ledger.LedgerPort;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The ledger in {@code /actuator/health}: UP with its kind and height when this node can read it,
 * DOWN with the ledger's code when it cannot (on Fabric: this organisation's peer unreachable), so
 * that an operator's probe sees what the API would answer.
 */
@Component("ledger")
class LedgerHealth implements HealthIndicator {
    private final LedgerPort ledger;

    LedgerHealth(final LedgerPort ledger) {
        this.ledger = ledger;
    }

    @Override
    public Health health() {
        try {
            final LedgerInfo info = ledger.info();
            return Health.up()
                    .withDetail("kind", info.kind())
                    .withDetail("height", info.height())
                    .build();
        } catch (LedgerException e) {
            // The code only: the detail names internal addresses.
            return Health.down().withDetail("code", e.code()).build();
        }
    }
}
