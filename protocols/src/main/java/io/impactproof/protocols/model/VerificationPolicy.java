package io.impactproof.protocols.model;

import java.util.List;

/**
 * Who verifies and how values are combined: the designated verifier role slots, the quorum of
 * attestations needed, the tolerance and the value rule; optionally the reference implementation
 * that algorithmic verifiers recompute with. This record is immutable.
 */
public record VerificationPolicy(
        List<String> verifiers, Integer quorum, Tolerance tolerance, ValueRule valueRule, Reference reference) {
    public VerificationPolicy {
        verifiers = verifiers == null ? null : List.copyOf(verifiers);
    }
}
