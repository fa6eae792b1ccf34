package io.impactproof.model.participant;

/** What a participant may do. This enum is immutable. */
public enum Role {
    /** Submits impact claims. */
    OWNER,
    /** Attests claims of the protocols that designate it. */
    VERIFIER,
    /** Certifies verified claims, suspends and revokes certificates. */
    VALIDATOR,
    /** Holds, transfers and retires certificates. */
    FINANCER,
    /** Runs a sub-network's node: registers its organisation's participants and publishes protocols. */
    OPERATOR
}
