package io.impactproof.gateway.participants;

import com.nimbusds.jose.jwk.JWK;
import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.did.DidUrl;
import io.impactproof.credentials.did.KeyResolver;
import io.impactproof.credentials.did.ResolvedKey;
import io.impactproof.model.participant.Participant;
import java.text.ParseException;
import org.springframework.stereotype.Component;

/** Resolves DID URLs to the keys of active participants registered on the ledger. Thread-safe. */
@Component
public class LedgerKeyResolver implements KeyResolver {
    private final RegistryClient registry;

    LedgerKeyResolver(final RegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public ResolvedKey resolve(final String keyId) {
        final String did = DidUrl.parse(keyId).did();
        final Participant participant;
        try {
            participant = registry.participant(did);
        } catch (TransactionRefused e) {
            throw new CredentialException(ErrorCode.KEY_NOT_FOUND, did + " is not registered");
        }
        final String jwk = participant.keys().get(keyId);
        if (!participant.active() || jwk == null) {
            throw new CredentialException(
                    ErrorCode.KEY_NOT_FOUND, keyId + " is not a current key of an active participant");
        }
        try {
            return new ResolvedKey(keyId, did, JWK.parse(jwk));
        } catch (ParseException e) {
            throw new IllegalStateException("corrupt key on the ledger for " + keyId, e);
        }
    }
}
