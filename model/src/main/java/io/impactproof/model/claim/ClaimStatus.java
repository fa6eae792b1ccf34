package io.impactproof.model.claim;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a claim, as an explicit state machine (diagram in docs/architecture.md). This enum is
 * immutable.
 *
 * <pre>
 * SUBMITTED ─quorum, values agree──▶ VERIFIED ─validator issues─▶ CERTIFIED
 *     │                              ▲   │
 *     └─quorum, values diverge─▶ DISPUTED ◀┘ (a later attestation diverges)
 *  SUBMITTED, DISPUTED, VERIFIED ─validator rejects─▶ REJECTED
 * </pre>
 */
public enum ClaimStatus {
    SUBMITTED,
    VERIFIED,
    DISPUTED,
    CERTIFIED,
    REJECTED;

    private Set<ClaimStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(VERIFIED, DISPUTED, REJECTED);
            case VERIFIED -> EnumSet.of(VERIFIED, DISPUTED, CERTIFIED, REJECTED);
            case DISPUTED -> EnumSet.of(VERIFIED, DISPUTED, REJECTED);
            case CERTIFIED, REJECTED -> EnumSet.noneOf(ClaimStatus.class);
        };
    }

    /** Whether attestations are still accepted. */
    public boolean open() {
        return this == SUBMITTED || this == VERIFIED || this == DISPUTED;
    }

    /** Whether the state machine allows this transition (the chaincode refuses any other). */
    public boolean canBecome(final ClaimStatus target) {
        return next().contains(target);
    }
}
