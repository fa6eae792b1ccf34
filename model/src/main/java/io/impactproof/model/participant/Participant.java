package io.impactproof.model.participant;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A registered participant: a DID, its public keys (DID URL → public JWK JSON), roles and
 * organisation (MSP id). This record is immutable.
 *
 * @param status {@code ACTIVE} or {@code DEACTIVATED}
 */
public record Participant(
        String did,
        String name,
        String organisation,
        List<Role> roles,
        Map<String, String> keys,
        String status,
        String registeredAt,
        String updatedAt) {
    public static final String ACTIVE = "ACTIVE";
    public static final String DEACTIVATED = "DEACTIVATED";

    public Participant {
        roles = List.copyOf(roles);
        keys = new TreeMap<>(keys);
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public boolean has(final Role role) {
        return roles.contains(role);
    }

    public Participant withKeys(final Map<String, String> newKeys, final String now) {
        return new Participant(did, name, organisation, roles, newKeys, status, registeredAt, now);
    }

    public Participant withStatus(final String newStatus, final String now) {
        return new Participant(did, name, organisation, roles, keys, newStatus, registeredAt, now);
    }
}
