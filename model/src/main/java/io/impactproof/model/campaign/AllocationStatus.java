package io.impactproof.model.campaign;

import java.util.Set;

/**
 * The life of an allocation, as an explicit state machine. This enum is immutable.
 *
 * <pre>
 * ALLOCATED ─paid in full─▶ SETTLED (units transferred to the financer or retired for it)
 *   │  ▲                       │
 * suspend reinstate            └─revoke─▶ CANCELLED (the amount paid is flagged for recovery)
 *   ▼  │
 * FROZEN ─revoke─▶ CANCELLED
 * </pre>
 *
 * Pay on proof: nothing is paid while FROZEN, and a revoked certificate's allocation gives its
 * unpaid amount back to the budget.
 */
public enum AllocationStatus {
    ALLOCATED,
    FROZEN,
    SETTLED,
    CANCELLED;

    public boolean canBecome(final AllocationStatus target) {
        return switch (this) {
            case ALLOCATED -> Set.of(FROZEN, SETTLED, CANCELLED).contains(target);
            case FROZEN -> Set.of(ALLOCATED, CANCELLED).contains(target);
            case SETTLED -> target == CANCELLED;
            case CANCELLED -> false;
        };
    }

    /** Whether the certificate's units are still promised to the financer (the holder may not move them). */
    public boolean commits() {
        return this == ALLOCATED || this == FROZEN;
    }
}
