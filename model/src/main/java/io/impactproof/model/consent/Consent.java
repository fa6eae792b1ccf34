package io.impactproof.model.consent;

import java.util.List;

/**
 * A person's consent for one month: the proofs of that month about the person may reach the owner
 * (an employer). Signed with the person's own did:key; only the digest of the pseudonymous id is on
 * the ledger. This record is immutable.
 *
 * @param owner the DID of the owner the proofs may reach
 * @param subject hex SHA-256 of the owner's DID and the person's pseudonymous id
 * @param month YYYY-MM
 * @param person the did:key that signed (the one that enrolled the subject with this owner)
 * @param proofs what the person agreed to share (the claim fields), as the credential states it
 * @param credentialDigest hex SHA-256 of the consent credential (kept by the person and the owner)
 * @param validUntil when the consent credential stops being valid, or null
 * @param withdrawnAt when the person withdrew it, or null
 */
public record Consent(
        String owner,
        String subject,
        String month,
        String person,
        List<String> proofs,
        String credentialDigest,
        String givenAt,
        String validUntil,
        String withdrawnAt,
        String txId) {
    public Consent {
        proofs = List.copyOf(proofs);
    }

    public Consent withdrawn(final String at, final String tx) {
        return new Consent(owner, subject, month, person, proofs, credentialDigest, givenAt, validUntil, at, tx);
    }
}
