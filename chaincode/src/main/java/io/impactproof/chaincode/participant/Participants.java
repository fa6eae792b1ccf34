package io.impactproof.chaincode.participant;

import io.impactproof.chaincode.context.Keys;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.State;
import io.impactproof.model.RegistryError;
import io.impactproof.model.participant.Participant;
import io.impactproof.model.participant.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The participants on the ledger and their index by organisation and role. One per transaction. */
public final class Participants {
    private final State state;

    public Participants(final State state) {
        this.state = state;
    }

    public Optional<Participant> get(final String did) {
        return state.get(State.key(Keys.PARTICIPANT, did), Participant.class);
    }

    public Participant find(final String did) {
        return get(did).orElseThrow(() -> new RegistryException(RegistryError.PARTICIPANT_NOT_FOUND, did));
    }

    /** Writes a new participant and indexes it under each of its roles. */
    public void add(final Participant participant) {
        put(participant);
        participant
                .roles()
                .forEach(role -> state.mark(
                        State.key(Keys.ORG_ROLE, participant.organisation(), role.name(), participant.did())));
    }

    public void put(final Participant participant) {
        state.put(State.key(Keys.PARTICIPANT, participant.did()), participant);
    }

    /** Removes a deactivated participant from the role index. */
    public void unindex(final Participant participant) {
        participant
                .roles()
                .forEach(role -> state.delete(
                        State.key(Keys.ORG_ROLE, participant.organisation(), role.name(), participant.did())));
    }

    /** The DIDs of the active participants of an organisation with a role, in key order. */
    public List<String> withRole(final String organisation, final Role role) {
        return state.scan(Keys.ORG_ROLE, bytes -> "", organisation, role.name()).stream()
                .map(Map.Entry::getKey)
                .map(key -> State.parts(key).get(2))
                .toList();
    }
}
