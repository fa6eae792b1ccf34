package io.impactproof.gateway.system;

import io.impactproof.client.ledger.LedgerInfo;
import io.impactproof.client.ledger.LedgerPort;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ledger as this node sees it: height, last hash, sizes and, where the ledger allows, its chain recomputed. */
@RestController
@Tag(
        name = "operators",
        description = "Sub-network operators register participants, publish protocols, check the ledger")
class LedgerController {
    /** The chain check reads every block: anonymous callers share one run per interval rather than one each. */
    static final Duration RECHECK = Duration.ofSeconds(10);

    private final LedgerPort ledger;
    private final Clock clock;
    private Checked last;

    private record Checked(Instant at, LedgerInfo.ChainCheck chain) {}

    LedgerController(final LedgerPort ledger, final Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The ledger's size and the result of recomputing its hash chain (null where the ledger offers none). */
    record LedgerReport(LedgerInfo info, LedgerInfo.ChainCheck chain) {}

    @GetMapping("/operators/ledger")
    @Operation(
            summary = "The ledger's height, last hash and size, and its hash chain recomputed from the blocks"
                    + " (at most once every 10 seconds)")
    LedgerReport verify() {
        return new LedgerReport(ledger.info(), chain());
    }

    private synchronized LedgerInfo.ChainCheck chain() {
        final Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(RECHECK))) {
            last = new Checked(now, ledger.verifyChain().orElse(null));
        }
        return last.chain();
    }
}
