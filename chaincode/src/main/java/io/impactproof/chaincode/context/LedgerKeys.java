package io.impactproof.chaincode.context;

import com.nimbusds.jose.jwk.JWK;
import io.impactproof.chaincode.participant.Participants;
import io.impactproof.credentials.BoundedCache;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.did.DidUrl;
import io.impactproof.credentials.did.KeyResolver;
import io.impactproof.credentials.did.ResolvedKey;
import io.impactproof.model.participant.Participant;
import java.text.ParseException;

/**
 * The ledger as key resolver: a DID URL resolves to a key of an active registered participant, so
 * a signature counts only if the registry knows and trusts the key at this transaction.
 */
final class LedgerKeys implements KeyResolver {
    private final Participants participants;

    LedgerKeys(final Participants participants) {
        this.participants = participants;
    }

    @Override
    public ResolvedKey resolve(final String keyId) {
        final String did = DidUrl.parse(keyId).did();
        final Participant participant = participants
                .get(did)
                .orElseThrow(() -> new CredentialException(ErrorCode.KEY_NOT_FOUND, did + " is not registered"));
        if (!participant.active()) {
            throw new CredentialException(ErrorCode.KEY_NOT_FOUND, did + " is deactivated");
        }
        final String jwk = participant.keys().get(keyId);
        if (jwk == null) {
            throw new CredentialException(ErrorCode.KEY_NOT_FOUND, keyId + " is not a current key of " + did);
        }
        return new ResolvedKey(keyId, did, parsed(jwk, keyId));
    }

    // Parsing a JWK is a pure function of its JSON; peers parse each registered key once.
    private static final BoundedCache<String, JWK> PARSED = new BoundedCache<>(4096);

    private static JWK parsed(final String json, final String keyId) {
        return PARSED.get(json, text -> {
            try {
                return JWK.parse(text);
            } catch (ParseException e) {
                throw new IllegalStateException("corrupt key on the ledger for " + keyId, e);
            }
        });
    }
}
