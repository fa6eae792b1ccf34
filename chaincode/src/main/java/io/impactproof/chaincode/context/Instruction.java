package io.impactproof.chaincode.context;

import io.impactproof.model.RegistryError;
import tools.jackson.databind.JsonNode;

/**
 * A verified signed instruction: who signed, what action, with which arguments. This record is
 * immutable (the arguments node is never written to).
 *
 * @param signer the DID whose registered key signed
 * @param digest hex SHA-256 of the compact JWS, recorded against replay
 */
public record Instruction(String signer, String action, JsonNode args, String digest) {
    public String text(final String field) {
        final JsonNode value = args.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, action + " needs a string " + field);
        }
        return value.stringValue();
    }
}
