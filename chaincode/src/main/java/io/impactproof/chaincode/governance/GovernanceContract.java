package io.impactproof.chaincode.governance;

import io.impactproof.chaincode.context.Instruction;
import io.impactproof.chaincode.context.RegistryContext;
import io.impactproof.chaincode.context.RegistryContract;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.Texts;
import io.impactproof.chaincode.participant.ParticipantContract;
import io.impactproof.chaincode.protocol.Publication;
import io.impactproof.credentials.json.Json;
import io.impactproof.model.Actions;
import io.impactproof.model.Bounds;
import io.impactproof.model.LedgerJson;
import io.impactproof.model.RegistryError;
import io.impactproof.model.governance.Charter;
import io.impactproof.model.governance.Member;
import io.impactproof.model.governance.Proposal;
import io.impactproof.model.participant.Participant;
import io.impactproof.model.participant.Role;
import io.impactproof.model.protocol.PublishedProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import tools.jackson.databind.JsonNode;

/**
 * Decisions of the member organisations. An operator of a member proposes (its organisation's
 * approval is the first); operators of other members approve, one vote per organisation; the
 * approval that reaches the quorum makes the change in the same transaction. The founding charter
 * names the first members and needs each of them. This class is stateless and thread-safe.
 */
@Contract(name = "governance", info = @Info(title = "Governance", version = "1.0.0"))
public final class GovernanceContract extends RegistryContract {
    private static final Set<String> KINDS = Set.of(
            Proposal.CHARTER,
            Proposal.ADD_MEMBER,
            Proposal.SUSPEND_MEMBER,
            Proposal.PUBLISH_PROTOCOL,
            Proposal.DEPRECATE_PROTOCOL);
    private static final int MAX_MEMBERS = 100;

    /** Proposes a change: args {@code id}, {@code kind}, {@code terms} (the change's arguments). */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Propose")
    public String propose(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.PROPOSE);
        final String id = signed.text("id", Bounds.IDENTIFIER);
        final String kind = signed.text("kind", 32);
        if (!KINDS.contains(kind)) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "kind is one of " + KINDS);
        }
        if (ctx.governance().proposal(id).isPresent()) {
            throw new RegistryException(RegistryError.PROPOSAL_EXISTS, id);
        }
        final JsonNode terms = signed.args().path("terms");
        if (!terms.isObject()) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "terms must be an object");
        }
        final boolean founding = ctx.governance().charter().isEmpty();
        if (founding && !Proposal.CHARTER.equals(kind)) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "no charter yet: the first proposal is the founding charter");
        }
        final List<String> founders = founding ? founders(terms) : List.of();
        final Participant operator = voter(ctx, signed, founders);
        check(ctx, kind, terms, founding);
        // A member's suspension is decided by the others.
        final int voters = ctx.governance().activeMembers() - (Proposal.SUSPEND_MEMBER.equals(kind) ? 1 : 0);
        final int needed = founding
                ? founders.size()
                : ctx.governance().charter().orElseThrow().needed(voters);
        final Proposal proposal = new Proposal(
                id,
                kind,
                LedgerJson.string(terms),
                operator.did(),
                operator.organisation(),
                List.of(),
                needed,
                Proposal.OPEN,
                ctx.nowText(),
                null,
                ctx.txId());
        return LedgerJson.string(approve(ctx, proposal, operator));
    }

    /** Approves a proposal (args {@code proposal}) for the signer's organisation. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Approve")
    public String approve(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.APPROVE);
        final Proposal proposal = ctx.governance().findProposal(signed.text("proposal", Bounds.IDENTIFIER));
        if (!Proposal.OPEN.equals(proposal.status())) {
            throw new RegistryException(
                    RegistryError.PROPOSAL_DECIDED, proposal.id() + " was adopted at " + proposal.decidedAt());
        }
        final JsonNode terms = Json.parse(proposal.terms());
        final boolean founding = Proposal.CHARTER.equals(proposal.kind())
                && ctx.governance().charter().isEmpty();
        final Participant operator = voter(ctx, signed, founding ? founders(terms) : List.of());
        return LedgerJson.string(approve(ctx, proposal, operator));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Proposal")
    public String proposal(final RegistryContext ctx, final String id) {
        return LedgerJson.string(ctx.governance().findProposal(id));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Proposals")
    public String proposals(final RegistryContext ctx) {
        return LedgerJson.string(ctx.governance().proposals());
    }

    /** The charter in force, or {@code null} while the registry is in bootstrap. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Charter")
    public String charter(final RegistryContext ctx) {
        return LedgerJson.string(ctx.governance().charter().orElse(null));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Members")
    public String members(final RegistryContext ctx) {
        return LedgerJson.string(ctx.governance().members());
    }

    /**
     * The signer, an active operator voting for its own organisation through that organisation: a
     * member (or, for the founding charter, one of the founders), never about itself.
     */
    private static Participant voter(final RegistryContext ctx, final Instruction signed, final List<String> founders) {
        final Participant operator = ctx.authorisation().acting(signed.signer(), Role.OPERATOR);
        if (!operator.organisation().equals(ctx.organisation())) {
            throw new RegistryException(
                    RegistryError.WRONG_ORGANISATION,
                    operator.did() + " belongs to " + operator.organisation() + ", not " + ctx.organisation());
        }
        if (founders.isEmpty()) {
            ctx.governance().requireMember(operator.organisation());
            return operator;
        }
        if (!founders.contains(operator.organisation())) {
            throw new RegistryException(
                    RegistryError.NOT_A_MEMBER,
                    operator.organisation() + " is not one of the founding members " + founders);
        }
        return operator;
    }

    /** Records the organisation's approval; the one that reaches the quorum makes the change. */
    private static Proposal approve(final RegistryContext ctx, final Proposal proposal, final Participant operator) {
        final JsonNode terms = Json.parse(proposal.terms());
        final String about = terms.path("organisation").stringValue(null);
        if ((Proposal.ADD_MEMBER.equals(proposal.kind()) || Proposal.SUSPEND_MEMBER.equals(proposal.kind()))
                && operator.organisation().equals(about)) {
            throw new RegistryException(
                    RegistryError.SELF_APPROVAL, operator.organisation() + " does not decide on its own membership");
        }
        if (proposal.approvals().stream().anyMatch(a -> a.organisation().equals(operator.organisation()))) {
            throw new RegistryException(
                    RegistryError.DUPLICATE_VOTE, operator.organisation() + " has already approved " + proposal.id());
        }
        final List<Proposal.Approval> approvals = new ArrayList<>(proposal.approvals());
        approvals.add(new Proposal.Approval(operator.organisation(), operator.did(), ctx.nowText(), ctx.txId()));
        final boolean adopted = approvals.size() >= proposal.needed();
        final Proposal updated =
                proposal.with(approvals, adopted ? Proposal.ADOPTED : Proposal.OPEN, adopted ? ctx.nowText() : null);
        ctx.governance().save(updated);
        if (adopted) {
            apply(ctx, updated, terms);
            ctx.events().emit("ProposalAdopted", Map.of("id", updated.id(), "kind", updated.kind()));
        } else {
            ctx.events()
                    .emit(
                            "ProposalApproved",
                            Map.of("id", updated.id(), "approvals", approvals.size(), "needed", updated.needed()));
        }
        return updated;
    }

    /** Refuses, at proposal time, a change that could not be made. */
    private static void check(
            final RegistryContext ctx, final String kind, final JsonNode terms, final boolean founding) {
        switch (kind) {
            case Proposal.CHARTER -> quorum(terms, founding ? founders(terms).size() : MAX_MEMBERS);
            case Proposal.ADD_MEMBER -> {
                final String organisation =
                        Texts.bounded("terms.organisation", text(terms, "organisation"), Bounds.IDENTIFIER);
                if (ctx.governance().member(organisation).isPresent()) {
                    throw new RegistryException(RegistryError.ARGUMENT_INVALID, organisation + " is already a member");
                }
                operator(ctx, terms, organisation);
                nodes(terms);
            }
            case Proposal.SUSPEND_MEMBER -> {
                final String organisation = text(terms, "organisation");
                if (ctx.governance().member(organisation).filter(Member::active).isEmpty()) {
                    throw new RegistryException(RegistryError.NOT_A_MEMBER, organisation + " is not an active member");
                }
            }
            case Proposal.PUBLISH_PROTOCOL -> Publication.checked(ctx, document(terms), terms.path("bindings"));
            case Proposal.DEPRECATE_PROTOCOL -> {
                final PublishedProtocol published = ctx.protocols().find(text(terms, "id"), text(terms, "version"));
                if (!PublishedProtocol.ACTIVE.equals(published.status())) {
                    throw new RegistryException(RegistryError.PROTOCOL_DEPRECATED, published.ref());
                }
            }
            default -> throw new IllegalStateException(kind);
        }
    }

    /** Makes the adopted change. */
    private static void apply(final RegistryContext ctx, final Proposal proposal, final JsonNode terms) {
        switch (proposal.kind()) {
            case Proposal.CHARTER -> {
                final var current = ctx.governance().charter();
                ctx.governance()
                        .save(new Charter(
                                quorum(
                                        terms,
                                        current.isEmpty()
                                                ? founders(terms).size()
                                                : ctx.governance().activeMembers()),
                                current.map(c -> c.version() + 1).orElse(1),
                                proposal.id(),
                                ctx.nowText()));
                if (current.isEmpty()) {
                    founders(terms)
                            .forEach(org -> ctx.governance()
                                    .save(new Member(org, Member.ACTIVE, List.of(), proposal.id(), ctx.nowText())));
                }
            }
            case Proposal.ADD_MEMBER -> {
                final String organisation = text(terms, "organisation");
                ctx.governance()
                        .save(new Member(organisation, Member.ACTIVE, nodes(terms), proposal.id(), ctx.nowText()));
                final Participant first = operator(ctx, terms, organisation);
                ctx.participants().add(first);
                ctx.events().emit("ParticipantRegistered", Map.of("did", first.did(), "organisation", organisation));
            }
            case Proposal.SUSPEND_MEMBER -> {
                final Member member =
                        ctx.governance().member(text(terms, "organisation")).orElseThrow();
                ctx.governance()
                        .save(new Member(
                                member.organisation(), Member.SUSPENDED, member.nodes(), proposal.id(), ctx.nowText()));
            }
            case Proposal.PUBLISH_PROTOCOL ->
                Publication.publish(
                        ctx,
                        document(terms),
                        terms.path("bindings"),
                        ctx.participants().find(proposal.proposer()));
            case Proposal.DEPRECATE_PROTOCOL ->
                Publication.deprecate(ctx, ctx.protocols().find(text(terms, "id"), text(terms, "version")));
            default -> throw new IllegalStateException(proposal.kind());
        }
    }

    /** The founding members a founding charter names (MSP ids, distinct). */
    private static List<String> founders(final JsonNode terms) {
        final JsonNode members = terms.path("members");
        if (!members.isArray() || members.isEmpty() || members.size() > MAX_MEMBERS) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "the founding charter names 1 to " + MAX_MEMBERS + " members");
        }
        final List<String> out = new ArrayList<>();
        for (final JsonNode m : members) {
            final String msp = Texts.bounded("a member", m.stringValue(""), Bounds.IDENTIFIER);
            if (msp.isBlank() || out.contains(msp)) {
                throw new RegistryException(RegistryError.ARGUMENT_INVALID, "members are distinct MSP ids");
            }
            out.add(msp);
        }
        return out;
    }

    private static String quorum(final JsonNode terms, final int members) {
        final String quorum = terms.path("quorum").asString(Charter.MAJORITY);
        if (Charter.MAJORITY.equals(quorum)) {
            return quorum;
        }
        if (!quorum.matches("[1-9][0-9]{0,2}") || Integer.parseInt(quorum) > members) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID,
                    "quorum is majority or a number from 1 to the members (" + members + ")");
        }
        return quorum;
    }

    /** The first operator a new member's admission names: its DID, name and keys. */
    private static Participant operator(final RegistryContext ctx, final JsonNode terms, final String organisation) {
        final JsonNode node = terms.path("operator");
        final String did = Texts.bounded("terms.operator.did", text(node, "did"), Bounds.IDENTIFIER);
        if (ctx.participants().get(did).isPresent()) {
            throw new RegistryException(RegistryError.PARTICIPANT_EXISTS, did);
        }
        return new Participant(
                did,
                Texts.bounded("terms.operator.name", text(node, "name"), Bounds.NAME),
                organisation,
                List.of(Role.OPERATOR),
                ParticipantContract.keys(did, node.path("keys")),
                Participant.ACTIVE,
                ctx.nowText(),
                ctx.nowText());
    }

    private static List<String> nodes(final JsonNode terms) {
        final List<String> out = new ArrayList<>();
        final JsonNode nodes = terms.path("nodes");
        if (nodes.isMissingNode()) {
            return out;
        }
        if (!nodes.isArray() || nodes.size() > 32) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "nodes lists at most 32 node endpoints");
        }
        nodes.forEach(n -> out.add(Texts.bounded("a node", n.stringValue(""), Bounds.IDENTIFIER)));
        return out;
    }

    private static String document(final JsonNode terms) {
        final String definition = text(terms, "definition");
        if (definition.length() > Bounds.DEFINITION) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "the definition is longer than " + Bounds.DEFINITION);
        }
        return definition;
    }

    private static String text(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "terms need a string " + field);
        }
        return value.stringValue();
    }
}
