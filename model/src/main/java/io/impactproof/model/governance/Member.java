package io.impactproof.model.governance;

import java.util.List;

/**
 * A member organisation (a sub-network): its MSP id, status, the nodes named when it was admitted
 * and the decisions that admitted or suspended it. This record is immutable.
 */
public record Member(String organisation, String status, List<String> nodes, String decision, String since) {
    public static final String ACTIVE = "ACTIVE";
    public static final String SUSPENDED = "SUSPENDED";

    public Member {
        nodes = List.copyOf(nodes);
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
