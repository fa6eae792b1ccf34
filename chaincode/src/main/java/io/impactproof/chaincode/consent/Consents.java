package io.impactproof.chaincode.consent;

import io.impactproof.chaincode.context.Keys;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.State;
import io.impactproof.model.RegistryError;
import io.impactproof.model.consent.Consent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The consents on the ledger: one record per owner, subject and month, and the did:key that enrolled
 * each subject with each owner (the first consent's signer; later ones must be signed by it). One per
 * transaction.
 */
public final class Consents {
    private final State state;

    public Consents(final State state) {
        this.state = state;
    }

    public Optional<Consent> get(final String owner, final String subject, final String month) {
        return state.get(State.key(Keys.CONSENT, owner, subject, month), Consent.class);
    }

    public void save(final Consent consent) {
        state.put(State.key(Keys.CONSENT, consent.owner(), consent.subject(), consent.month()), consent);
    }

    public List<Consent> of(final String owner, final String subject) {
        return state.scanRecords(Keys.CONSENT, Consent.class, owner, subject);
    }

    /** The did:key that enrolled the subject with the owner, if any. */
    public Optional<String> enrolled(final String owner, final String subject) {
        return state.marker(State.key(Keys.CONSENT_ENROLMENT, owner, subject));
    }

    public void enrol(final String owner, final String subject, final String person) {
        state.mark(State.key(Keys.CONSENT_ENROLMENT, owner, subject), person);
    }

    /** Fails unless the subject consented, for that month, to share proofs with the owner, and still does. */
    public void require(final String owner, final String subject, final String month, final Instant now) {
        final Consent consent = get(owner, subject, month)
                .orElseThrow(() -> new RegistryException(
                        RegistryError.CONSENT_MISSING,
                        "no consent of subject " + subject.substring(0, 12) + "… to " + owner + " for " + month));
        if (consent.withdrawnAt() != null) {
            throw new RegistryException(
                    RegistryError.CONSENT_WITHDRAWN,
                    "the consent for " + month + " was withdrawn at " + consent.withdrawnAt());
        }
        if (consent.validUntil() != null && now.isAfter(Instant.parse(consent.validUntil()))) {
            throw new RegistryException(
                    RegistryError.CONSENT_EXPIRED,
                    "the consent for " + month + " was valid until " + consent.validUntil());
        }
    }
}
