package io.impactproof.chaincode.context;

import io.impactproof.chaincode.governance.Governance;
import io.impactproof.chaincode.participant.Participants;
import io.impactproof.model.RegistryError;
import io.impactproof.model.participant.Participant;
import io.impactproof.model.participant.Role;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Who may act: a signer must be an active participant with the role, and an organisation acts only
 * for its own participants. Authorisation by the submitting Fabric identity (the organisation) and
 * by the acting DID's signature, together.
 */
public final class Authorisation {
    private final Participants participants;
    private final Governance governance;
    private final Supplier<String> organisation;

    Authorisation(final Participants participants, final Governance governance, final Supplier<String> organisation) {
        this.participants = participants;
        this.governance = governance;
        this.organisation = organisation;
    }

    /** The participant, active, with the role. */
    public Participant acting(final String did, final Role role) {
        final Participant participant = participants.find(did);
        if (!participant.active()) {
            throw new RegistryException(RegistryError.PARTICIPANT_INACTIVE, did);
        }
        if (!participant.has(role)) {
            throw new RegistryException(RegistryError.WRONG_ROLE, did + " does not hold the role " + name(role));
        }
        return participant;
    }

    /** The signer, active with the role and one of the DIDs the protocol designates for it. */
    public Participant designated(final String did, final Role role, final List<String> designated, final String of) {
        final Participant participant = acting(did, role);
        if (!designated.contains(did)) {
            throw new RegistryException(
                    role == Role.VERIFIER
                            ? RegistryError.VERIFIER_NOT_DESIGNATED
                            : RegistryError.VALIDATOR_NOT_DESIGNATED,
                    did + " is not a designated " + name(role) + " of " + of);
        }
        return participant;
    }

    /**
     * Fails unless the participant belongs to the organisation submitting the transaction and, once
     * the members adopted a charter, that organisation is an active member.
     */
    public void requireOwnOrganisation(final Participant participant) {
        final String caller = organisation.get();
        if (!caller.equals(participant.organisation())) {
            throw new RegistryException(
                    RegistryError.WRONG_ORGANISATION,
                    participant.did() + " belongs to " + participant.organisation() + ", not " + caller);
        }
        governance.requireMember(caller);
    }

    /** Fails unless the signer is an active operator of {@code organisation}. */
    public void requireOperatorOf(final String signer, final String organisation) {
        final Participant operator = acting(signer, Role.OPERATOR);
        if (!operator.organisation().equals(organisation)) {
            throw new RegistryException(
                    RegistryError.WRONG_ORGANISATION,
                    signer + " is an operator of " + operator.organisation() + ", not of " + organisation);
        }
    }

    private static String name(final Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
