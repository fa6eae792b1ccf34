package io.impactproof.model.governance;

/**
 * The rules the members agreed on, adopted and changed by proposal. This record is immutable.
 *
 * @param quorum how many member organisations approve a proposal: a number, or {@code majority}
 *     (more than half of the active members)
 * @param proposal the proposal that adopted this version of the rules
 */
public record Charter(String quorum, int version, String proposal, String adoptedAt) {
    public static final String MAJORITY = "majority";

    /** Approvals a proposal needs among {@code members} active members. */
    public int needed(final int members) {
        return MAJORITY.equals(quorum) ? members / 2 + 1 : Math.min(Integer.parseInt(quorum), members);
    }
}
