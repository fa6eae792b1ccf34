package io.impactproof.gateway.governance;

import io.impactproof.client.RegistryClient;
import io.impactproof.gateway.system.Requests;
import io.impactproof.model.Actions;
import io.impactproof.model.governance.Charter;
import io.impactproof.model.governance.Member;
import io.impactproof.model.governance.Proposal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decisions of the member organisations. An operator proposes through its own organisation's
 * gateway and operators of the other members approve through theirs; the chaincode counts one vote
 * per organisation and makes the change when the quorum is reached. Reads are public.
 */
@RestController
@Tag(name = "governance", description = "The members' charter, membership decisions and protocol decisions")
class GovernanceController {
    private final RegistryClient registry;

    GovernanceController(final RegistryClient registry) {
        this.registry = registry;
    }

    @PostMapping("/operators/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Proposes a change (instruction governance.propose: id, kind — charter, member.add, "
                    + "member.suspend, protocol.publish, protocol.deprecate — and terms); the proposer's "
                    + "organisation approves it")
    Proposal propose(@RequestBody final Requests.Instruction body) {
        return registry.propose(body.requiredFor(Actions.PROPOSE));
    }

    @PostMapping("/operators/proposals/{id}/approve")
    @Operation(summary = "Approves a proposal for the signer's organisation (instruction governance.approve: proposal)")
    Proposal approve(@PathVariable final String id, @RequestBody final Requests.Instruction body) {
        return registry.approve(body.requiredFor(Actions.APPROVE, "proposal", id));
    }

    /** The rules and the members. This record is immutable. */
    record View(Charter charter, List<Member> members) {}

    @GetMapping("/governance")
    @Operation(summary = "The charter in force (null while the registry is in bootstrap) and the member organisations")
    View governance() {
        return new View(registry.charter().orElse(null), registry.members());
    }

    @GetMapping("/governance/proposals")
    @Operation(summary = "Every proposal, open or adopted, with who proposed and who approved")
    List<Proposal> proposals() {
        return registry.proposals();
    }

    @GetMapping("/governance/proposals/{id}")
    @Operation(summary = "One proposal")
    Proposal proposal(@PathVariable final String id) {
        return registry.proposal(id);
    }
}
