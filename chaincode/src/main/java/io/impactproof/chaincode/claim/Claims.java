package io.impactproof.chaincode.claim;

import io.impactproof.chaincode.context.Keys;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.State;
import io.impactproof.chaincode.protocol.Protocols;
import io.impactproof.model.RegistryError;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.protocol.PublishedProtocol;
import java.util.Optional;

/**
 * The claims on the ledger, their index by status and the to-do index of their verifiers. One per
 * transaction.
 */
public final class Claims {
    private final State state;
    private final Protocols protocols;

    public Claims(final State state, final Protocols protocols) {
        this.state = state;
        this.protocols = protocols;
    }

    public Optional<ClaimRecord> get(final String id) {
        return state.get(State.key(Keys.CLAIM, id), ClaimRecord.class);
    }

    public ClaimRecord find(final String id) {
        return get(id).orElseThrow(() -> new RegistryException(RegistryError.CLAIM_NOT_FOUND, id));
    }

    /** The protocol version the claim was submitted under. */
    public PublishedProtocol protocolOf(final ClaimRecord claim) {
        return protocols.find(claim.protocol());
    }

    /** Writes a claim record and keeps the by-status index in step; {@code previous} is null for a new claim. */
    public void save(final ClaimRecord previous, final ClaimRecord updated) {
        state.put(State.key(Keys.CLAIM, updated.id()), updated);
        if (previous == null || previous.status() != updated.status()) {
            if (previous != null) {
                state.delete(State.key(Keys.CLAIM_STATUS, previous.status().name(), previous.id()));
            }
            state.mark(State.key(Keys.CLAIM_STATUS, updated.status().name(), updated.id()));
        }
    }

    /** Puts the claim on a verifier's to-do list. */
    public void awaitVerifier(final String verifierDid, final String claimId) {
        state.mark(State.key(Keys.TODO, verifierDid, claimId));
    }

    /** Takes the claim off a verifier's to-do list. */
    public void doneByVerifier(final String verifierDid, final String claimId) {
        state.delete(State.key(Keys.TODO, verifierDid, claimId));
    }

    /** A page of the claims a verifier has yet to attest (queries only). */
    public State.Page<ClaimRecord> awaiting(final String verifierDid, final int pageSize, final String bookmark) {
        return records(state.page(Keys.TODO, bytes -> "", pageSize, bookmark, verifierDid));
    }

    /** A page of the claims with a status (queries only). */
    public State.Page<ClaimRecord> withStatus(final String status, final int pageSize, final String bookmark) {
        return records(state.page(Keys.CLAIM_STATUS, bytes -> "", pageSize, bookmark, status));
    }

    private State.Page<ClaimRecord> records(final State.Page<String> index) {
        return new State.Page<>(
                index.entries().stream()
                        .map(e -> java.util.Map.entry(
                                e.getKey(), find(State.parts(e.getKey()).get(1))))
                        .toList(),
                index.bookmark());
    }
}
