package io.impactproof.chaincode.governance;

import io.impactproof.chaincode.context.Keys;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.State;
import io.impactproof.model.RegistryError;
import io.impactproof.model.governance.Charter;
import io.impactproof.model.governance.Member;
import io.impactproof.model.governance.Proposal;
import java.util.List;
import java.util.Optional;

/**
 * The charter, members and proposals on the ledger. Until a founding charter is adopted the
 * registry is in bootstrap: organisations register their first operator themselves and operators
 * publish protocols alone, as a sub-network being set up needs; from then on those changes take
 * effect only by decision. One per transaction.
 */
public final class Governance {
    private static final String RULES = "rules";

    private final State state;

    public Governance(final State state) {
        this.state = state;
    }

    public Optional<Charter> charter() {
        return state.get(State.key(Keys.CHARTER, RULES), Charter.class);
    }

    void save(final Charter charter) {
        state.put(State.key(Keys.CHARTER, RULES), charter);
    }

    public Optional<Member> member(final String organisation) {
        return state.get(State.key(Keys.MEMBER, organisation), Member.class);
    }

    void save(final Member member) {
        state.put(State.key(Keys.MEMBER, member.organisation()), member);
    }

    public List<Member> members() {
        return state.scanRecords(Keys.MEMBER, Member.class);
    }

    int activeMembers() {
        return (int) members().stream().filter(Member::active).count();
    }

    Optional<Proposal> proposal(final String id) {
        return state.get(State.key(Keys.PROPOSAL, id), Proposal.class);
    }

    Proposal findProposal(final String id) {
        return proposal(id).orElseThrow(() -> new RegistryException(RegistryError.PROPOSAL_NOT_FOUND, id));
    }

    void save(final Proposal proposal) {
        state.put(State.key(Keys.PROPOSAL, proposal.id()), proposal);
    }

    List<Proposal> proposals() {
        return state.scanRecords(Keys.PROPOSAL, Proposal.class);
    }

    /** Fails once the members adopted a charter: the change must be a proposal they approve. */
    public void requireNoCharter(final String what) {
        if (charter().isPresent()) {
            throw new RegistryException(
                    RegistryError.GOVERNANCE_REQUIRED,
                    what + " takes effect only through a proposal the members approve");
        }
    }

    /** Once a charter is adopted, fails unless the organisation is an active member. */
    public void requireMember(final String organisation) {
        if (charter().isEmpty()) {
            return;
        }
        final Member member = member(organisation)
                .orElseThrow(
                        () -> new RegistryException(RegistryError.NOT_A_MEMBER, organisation + " is not a member"));
        if (!member.active()) {
            throw new RegistryException(
                    RegistryError.NOT_A_MEMBER, organisation + " is suspended by decision " + member.decision());
        }
    }
}
