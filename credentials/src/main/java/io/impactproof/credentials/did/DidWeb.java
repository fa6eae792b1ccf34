package io.impactproof.credentials.did;

import com.nimbusds.jose.jwk.JWK;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The {@code did:web} method: builds the document a domain serves and checks a document against its
 * DID. This module never fetches anything: the caller fetches {@link #documentUrl(String)} and
 * hands the JSON to {@link #resolve(String, JsonNode)}. This class is thread-safe.
 */
public final class DidWeb {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private DidWeb() {}

    /** The HTTPS URL of the DID document, by the did:web resolution steps. */
    public static URI documentUrl(final String did) {
        final DidUrl url = DidUrl.parse(did);
        if (!"web".equals(url.method())) {
            throw new CredentialException(ErrorCode.DID_METHOD_UNSUPPORTED, "not a did:web: " + did);
        }
        final String[] parts = url.methodSpecificId().split(":");
        final String host = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        final String hostname = host.replaceFirst(":\\d+$", "");
        if (IPV4.matcher(hostname).matches() || hostname.startsWith("[")) {
            throw new CredentialException(ErrorCode.DID_INVALID, "did:web does not allow IP addresses: " + did);
        }
        final StringBuilder path = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            path.append('/').append(URLDecoder.decode(parts[i], StandardCharsets.UTF_8));
        }
        if (path.length() == 0) {
            path.append("/.well-known");
        }
        return URI.create("https://" + host + path + "/did.json");
    }

    /**
     * The document a did:web serves for the given keys: each key as a {@code JsonWebKey} (VC-JOSE-COSE)
     * and as a {@code Multikey} (Data Integrity), both listed for assertions and authentication.
     *
     * @param keys fragment (e.g. {@code key-1}) to public key
     */
    public static DidDocument document(final String did, final Map<String, JWK> keys) {
        documentUrl(did);
        final List<VerificationMethod> methods = new ArrayList<>();
        final List<String> refs = new ArrayList<>();
        keys.forEach((fragment, key) -> {
            final String jwkId = did + "#" + fragment;
            final String multikeyId = jwkId + "-multikey";
            methods.add(new VerificationMethod(jwkId, VerificationMethod.JSON_WEB_KEY, did, key));
            methods.add(new VerificationMethod(multikeyId, VerificationMethod.MULTIKEY, did, key));
            refs.add(jwkId);
            refs.add(multikeyId);
        });
        return new DidDocument(did, methods, refs, refs);
    }

    /** Parses a fetched document and checks that its id is the DID, as resolution requires. */
    public static DidDocument resolve(final String did, final JsonNode fetched) {
        documentUrl(did);
        final DidDocument document = DidDocument.fromJson(fetched);
        if (!document.id().equals(did)) {
            throw new CredentialException(
                    ErrorCode.DID_DOCUMENT_INVALID, "document id " + document.id() + " does not match " + did);
        }
        return document;
    }
}
