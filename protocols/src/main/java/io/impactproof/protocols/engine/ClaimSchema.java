package io.impactproof.protocols.engine;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.impactproof.protocols.ProtocolError;
import io.impactproof.protocols.ProtocolException;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A protocol's claim schema: JSON Schema 2020-12, checked against the meta-schema bundled with the
 * validator and self-contained (no remote {@code $ref}, so validation never touches the network).
 * This class is thread-safe.
 */
final class ClaimSchema {
    private static final int MAX_REPORTED_ERRORS = 10;
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema META_SCHEMA =
            REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    private final Schema schema;

    private ClaimSchema(final Schema schema) {
        this.schema = schema;
    }

    static ClaimSchema compile(final JsonNode node) {
        checkLocalRefs(node);
        final List<Error> errors = META_SCHEMA.validate(node);
        if (!errors.isEmpty()) {
            throw new ProtocolException(ProtocolError.PROTOCOL_SCHEMA_INVALID, describe(errors));
        }
        if (!"object".equals(node.path("type").stringValue(null))
                || !node.path("properties").isObject()) {
            throw new ProtocolException(
                    ProtocolError.PROTOCOL_SCHEMA_INVALID, "the claim schema must be an object schema with properties");
        }
        try {
            return new ClaimSchema(REGISTRY.getSchema(node));
        } catch (RuntimeException e) {
            throw new ProtocolException(ProtocolError.PROTOCOL_SCHEMA_INVALID, e.getMessage(), e);
        }
    }

    void validate(final JsonNode data) {
        final List<Error> errors = schema.validate(data);
        if (!errors.isEmpty()) {
            throw new ProtocolException(ProtocolError.CLAIM_DATA_INVALID, describe(errors));
        }
    }

    private static void checkLocalRefs(final JsonNode node) {
        if (node.isObject()) {
            for (final String keyword : List.of("$ref", "$dynamicRef")) {
                final JsonNode ref = node.get(keyword);
                if (ref != null && !ref.stringValue("").startsWith("#")) {
                    throw new ProtocolException(
                            ProtocolError.PROTOCOL_SCHEMA_INVALID,
                            "only local references (#…) are allowed, got " + ref);
                }
            }
        }
        if (node.isContainer()) {
            node.values().forEach(ClaimSchema::checkLocalRefs);
        }
    }

    private static String describe(final List<Error> errors) {
        final String shown =
                errors.stream().limit(MAX_REPORTED_ERRORS).map(Error::toString).collect(Collectors.joining("; "));
        return errors.size() > MAX_REPORTED_ERRORS ? shown + "; … " + errors.size() + " errors in all" : shown;
    }
}
