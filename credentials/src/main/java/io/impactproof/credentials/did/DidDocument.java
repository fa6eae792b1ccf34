package io.impactproof.credentials.did;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A DID document reduced to what signature checks need: verification methods and the ones allowed
 * for assertions (signing credentials) and authentication (signing instructions). This record is
 * immutable.
 */
public record DidDocument(
        String id,
        List<VerificationMethod> verificationMethod,
        List<String> assertionMethod,
        List<String> authentication) {
    public static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";
    public static final String CID_CONTEXT = "https://www.w3.org/ns/cid/v1";

    public DidDocument {
        DidUrl.parse(id);
        verificationMethod = List.copyOf(verificationMethod);
        assertionMethod = List.copyOf(assertionMethod);
        authentication = List.copyOf(authentication);
    }

    /** The verification method with this DID URL, if it is listed under {@code assertionMethod}. */
    public Optional<VerificationMethod> assertionKey(final String keyId) {
        if (!assertionMethod.contains(keyId)) {
            return Optional.empty();
        }
        return verificationMethod.stream().filter(vm -> vm.id().equals(keyId)).findFirst();
    }

    public ObjectNode toJson() {
        final ObjectNode node = Json.object();
        node.putArray("@context").add(DID_CONTEXT).add(CID_CONTEXT);
        node.put("id", id);
        final ArrayNode methods = node.putArray("verificationMethod");
        verificationMethod.forEach(vm -> methods.add(vm.toJson()));
        final ArrayNode assertion = node.putArray("assertionMethod");
        assertionMethod.forEach(assertion::add);
        final ArrayNode auth = node.putArray("authentication");
        authentication.forEach(auth::add);
        return node;
    }

    /** Parses a DID document; relative references ({@code #key-1}) are made absolute. */
    public static DidDocument fromJson(final JsonNode node) {
        if (node == null || !node.isObject() || !node.path("id").isString()) {
            throw new CredentialException(ErrorCode.DID_DOCUMENT_INVALID, "a DID document is an object with an id");
        }
        final String id = node.get("id").stringValue();
        final List<VerificationMethod> methods = new ArrayList<>();
        for (final JsonNode vm : node.path("verificationMethod")) {
            methods.add(VerificationMethod.fromJson(vm, id));
        }
        return new DidDocument(
                id,
                methods,
                references(node.path("assertionMethod"), id, methods),
                references(node.path("authentication"), id, methods));
    }

    private static List<String> references(
            final JsonNode array, final String id, final List<VerificationMethod> methods) {
        final List<String> out = new ArrayList<>();
        for (final JsonNode entry : array) {
            if (entry.isString()) {
                out.add(VerificationMethod.absolute(entry.stringValue(), id));
            } else {
                // An embedded verification method is both a method and a reference.
                final VerificationMethod embedded = VerificationMethod.fromJson(entry, id);
                methods.add(embedded);
                out.add(embedded.id());
            }
        }
        return out;
    }
}
