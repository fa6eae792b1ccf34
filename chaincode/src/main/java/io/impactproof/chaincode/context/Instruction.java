package io.impactproof.chaincode.context;

import io.impactproof.model.Bounds;
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
    /** A required text argument within {@link Bounds#TEXT}. */
    public String text(final String field) {
        return text(field, Bounds.TEXT);
    }

    /** A required text argument of at most {@code max} characters, with no control or format character. */
    public String text(final String field, final int max) {
        final JsonNode value = args.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, action + " needs a string " + field);
        }
        return Texts.bounded(action + " " + field, value.stringValue(), max);
    }

    /** A required document argument (line breaks and tabs allowed) of at most {@code max} characters. */
    public String document(final String field, final int max) {
        final JsonNode value = args.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, action + " needs a string " + field);
        }
        final String violation = Bounds.violation(value.stringValue(), max, true);
        if (violation != null) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, action + " " + field + " " + violation);
        }
        return value.stringValue();
    }
}
