package io.impactproof.model.consent;

import io.impactproof.credentials.digest.Digests;
import java.nio.charset.StandardCharsets;

/**
 * The ledger's name for a person a claim is about: hex SHA-256 of the owner's DID and the person's
 * pseudonymous id, so the id itself never reaches the ledger and one person is two unlinkable
 * subjects for two owners. The person's app computes it the same way. This class is stateless.
 */
public final class Subjects {
    private Subjects() {}

    public static String digest(final String ownerDid, final String pseudonymousId) {
        return Digests.sha256Hex((ownerDid + "\n" + pseudonymousId).getBytes(StandardCharsets.UTF_8));
    }
}
