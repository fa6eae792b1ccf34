package io.impactproof.gateway.system;

import io.impactproof.client.ledger.LedgerInfo;
import io.impactproof.client.ledger.LedgerPort;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ledger as this node sees it: height, last hash, sizes and, where the ledger allows, its chain recomputed. */
@RestController
@Tag(
        name = "operators",
        description = "Sub-network operators register participants, publish protocols, check the ledger")
class LedgerController {
    private final LedgerPort ledger;

    LedgerController(final LedgerPort ledger) {
        this.ledger = ledger;
    }

    /** The ledger's size and the result of recomputing its hash chain (null where the ledger offers none). */
    record LedgerReport(LedgerInfo info, LedgerInfo.ChainCheck chain) {}

    @GetMapping("/operators/ledger")
    @Operation(summary = "The ledger's height, last hash and size, and its hash chain recomputed from the blocks")
    LedgerReport verify() {
        return new LedgerReport(ledger.info(), ledger.verifyChain().orElse(null));
    }
}
