package io.impactproof.credentials.did;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves keys from DID documents held in memory (supplied did:web documents, or documents read
 * from the ledger). This class is thread-safe.
 */
public final class DocumentKeyResolver implements KeyResolver {
    private final Map<String, DidDocument> documents = new ConcurrentHashMap<>();

    /** Adds or replaces the document of its DID. */
    public DocumentKeyResolver add(final DidDocument document) {
        documents.put(document.id(), document);
        return this;
    }

    @Override
    public ResolvedKey resolve(final String keyId) {
        final DidUrl url = DidUrl.parse(keyId);
        final DidDocument document = documents.get(url.did());
        if (document == null) {
            throw new CredentialException(ErrorCode.KEY_NOT_FOUND, "no DID document for " + url.did());
        }
        return document.assertionKey(keyId)
                .map(vm -> new ResolvedKey(keyId, document.id(), vm.publicKey()))
                .orElseThrow(() -> new CredentialException(
                        ErrorCode.KEY_NOT_FOUND, keyId + " is not an assertion method of " + document.id()));
    }
}
