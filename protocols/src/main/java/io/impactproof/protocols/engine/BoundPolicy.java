package io.impactproof.protocols.engine;

import io.impactproof.protocols.model.Tolerance;
import io.impactproof.protocols.model.ValueRule;
import java.util.List;

/**
 * A verification policy with its role slots bound to real DIDs by the publishing sub-network. This
 * record is immutable.
 */
public record BoundPolicy(
        List<String> verifiers, int quorum, Tolerance tolerance, ValueRule valueRule, List<String> validators) {
    public BoundPolicy {
        verifiers = List.copyOf(verifiers);
        validators = List.copyOf(validators);
    }
}
