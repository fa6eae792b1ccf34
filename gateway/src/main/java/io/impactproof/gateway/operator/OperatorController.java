package io.impactproof.gateway.operator;

import io.impactproof.chaincode.participant.Participant;
import io.impactproof.chaincode.protocol.PublishedProtocol;
import io.impactproof.gateway.ledger.EmbeddedLedgerPort;
import io.impactproof.gateway.ledger.Registry;
import io.impactproof.gateway.web.Requests;
import io.impactproof.ledger.ChainReport;
import io.impactproof.ledger.EmbeddedLedger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What sub-network operators do: participants, protocols, ledger checks. */
@RestController
@RequestMapping("/operators")
@Tag(
        name = "operators",
        description = "Sub-network operators register participants, publish protocols, check the ledger")
class OperatorController {
    private final Registry registry;
    private final EmbeddedLedgerPort ledger;

    OperatorController(final Registry registry, final EmbeddedLedgerPort ledger) {
        this.registry = registry;
        this.ledger = ledger;
    }

    @PostMapping("/participants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Registers a participant (instruction participants.register signed by an operator of its organisation)")
    Participant register(@RequestBody final Requests.Instruction body) {
        return registry.register(body.required());
    }

    @PostMapping("/protocols")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Publishes a protocol version with its role slots bound to DIDs (instruction protocols.publish)")
    PublishedProtocol publish(@RequestBody final Requests.Instruction body) {
        return registry.publish(body.required());
    }

    /** The ledger's size and the result of recomputing its hash chain. */
    record LedgerReport(EmbeddedLedger.Stats stats, String lastHash, ChainReport chain) {}

    @GetMapping("/ledger")
    @Operation(summary = "Recomputes the block chain of the embedded ledger and reports its size")
    LedgerReport verify() {
        final EmbeddedLedger embedded = ledger.ledger();
        return new LedgerReport(embedded.stats(), embedded.lastHash(), embedded.verify());
    }
}
