package io.impactproof.chaincode.attestation;

import io.impactproof.chaincode.context.Keys;
import io.impactproof.chaincode.context.State;
import io.impactproof.model.attestation.AttestationRecord;
import java.util.List;

/** The attestations on the ledger, one per claim and verifier. One per transaction. */
public final class Attestations {
    private final State state;

    public Attestations(final State state) {
        this.state = state;
    }

    public boolean exists(final String claimId, final String verifierDid) {
        return state.exists(State.key(Keys.ATTESTATION, claimId, verifierDid));
    }

    public void put(final AttestationRecord record) {
        state.put(State.key(Keys.ATTESTATION, record.claim(), record.verifier()), record);
    }

    /** Every attestation of a claim, in verifier-DID order (a range scan over the claim's keys). */
    public List<AttestationRecord> of(final String claimId) {
        return state.scanRecords(Keys.ATTESTATION, AttestationRecord.class, claimId);
    }
}
