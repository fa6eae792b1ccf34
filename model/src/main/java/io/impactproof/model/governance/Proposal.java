package io.impactproof.model.governance;

import java.util.List;

/**
 * A change that takes effect only when enough member organisations approve it: the rules
 * ({@code charter}), admitting or suspending a member, publishing or deprecating a protocol. Who
 * proposed and who approved stays on the ledger. This record is immutable.
 *
 * @param terms the change's arguments, as sorted JSON
 * @param needed approvals needed, fixed when proposed from the charter then in force
 * @param status OPEN until enough approvals, then ADOPTED (the change was made in that transaction)
 */
public record Proposal(
        String id,
        String kind,
        String terms,
        String proposer,
        String organisation,
        List<Approval> approvals,
        int needed,
        String status,
        String proposedAt,
        String decidedAt,
        String txId) {
    public static final String OPEN = "OPEN";
    public static final String ADOPTED = "ADOPTED";

    public static final String CHARTER = "charter";
    public static final String ADD_MEMBER = "member.add";
    public static final String SUSPEND_MEMBER = "member.suspend";
    public static final String PUBLISH_PROTOCOL = "protocol.publish";
    public static final String DEPRECATE_PROTOCOL = "protocol.deprecate";

    public Proposal {
        approvals = List.copyOf(approvals);
    }

    /**
     * One organisation's approval. This record is immutable.
     *
     * @param by the operator who signed it
     */
    public record Approval(String organisation, String by, String at, String txId) {}

    public Proposal with(final List<Approval> approvals, final String status, final String decidedAt) {
        return new Proposal(
                id, kind, terms, proposer, organisation, approvals, needed, status, proposedAt, decidedAt, txId);
    }
}
