package io.impactproof.credentials.did;

import com.nimbusds.jose.jwk.JWK;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.json.Json;
import java.text.ParseException;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A verification method of a DID document, as {@code Multikey} or {@code JsonWebKey}. This record is
 * immutable.
 */
public record VerificationMethod(String id, String type, String controller, JWK publicKey) {
    public static final String MULTIKEY = "Multikey";
    public static final String JSON_WEB_KEY = "JsonWebKey";

    public VerificationMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(publicKey, "publicKey");
        if (!MULTIKEY.equals(type) && !JSON_WEB_KEY.equals(type)) {
            throw new CredentialException(
                    ErrorCode.DID_DOCUMENT_INVALID, "unsupported verification method type: " + type);
        }
        publicKey = publicKey.toPublicJWK();
    }

    public ObjectNode toJson() {
        final ObjectNode node = Json.object().put("id", id).put("type", type).put("controller", controller);
        if (MULTIKEY.equals(type)) {
            node.put("publicKeyMultibase", PublicKeys.toMultikey(publicKey));
        } else {
            node.set("publicKeyJwk", Json.parse(publicKey.toJSONString()));
        }
        return node;
    }

    static VerificationMethod fromJson(final JsonNode node, final String documentId) {
        final String id = absolute(text(node, "id"), documentId);
        final String type = text(node, "type");
        final String controller = node.hasNonNull("controller") ? text(node, "controller") : documentId;
        final JWK key;
        if (MULTIKEY.equals(type)) {
            key = PublicKeys.fromMultikey(text(node, "publicKeyMultibase"));
        } else if (JSON_WEB_KEY.equals(type)) {
            final JsonNode jwk = node.get("publicKeyJwk");
            if (jwk == null || !jwk.isObject() || jwk.has("d")) {
                throw new CredentialException(
                        ErrorCode.DID_DOCUMENT_INVALID, id + ": publicKeyJwk must be a public JWK");
            }
            try {
                key = JWK.parse(Json.write(jwk));
            } catch (ParseException e) {
                throw new CredentialException(ErrorCode.DID_DOCUMENT_INVALID, id + ": " + e.getMessage(), e);
            }
        } else {
            throw new CredentialException(ErrorCode.DID_DOCUMENT_INVALID, id + ": unsupported type " + type);
        }
        return new VerificationMethod(id, type, controller, key);
    }

    static String absolute(final String reference, final String documentId) {
        return reference.startsWith("#") ? documentId + reference : reference;
    }

    private static String text(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new CredentialException(ErrorCode.DID_DOCUMENT_INVALID, "verification method lacks " + field);
        }
        return value.stringValue();
    }
}
