package io.impactproof.protocols.engine;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.impactproof.protocols.ProtocolError;
import io.impactproof.protocols.ProtocolException;
import java.util.List;
import java.util.Set;
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
        checkKeywords(node, "claimSchema");
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

    /** The keywords of JSON Schema 2020-12's vocabularies: anything else is a typo the validator would ignore. */
    private static final Set<String> KEYWORDS = Set.of(
            "$schema",
            "$id",
            "$ref",
            "$dynamicRef",
            "$anchor",
            "$dynamicAnchor",
            "$vocabulary",
            "$comment",
            "$defs",
            "type",
            "enum",
            "const",
            "multipleOf",
            "maximum",
            "exclusiveMaximum",
            "minimum",
            "exclusiveMinimum",
            "maxLength",
            "minLength",
            "pattern",
            "maxItems",
            "minItems",
            "uniqueItems",
            "maxContains",
            "minContains",
            "maxProperties",
            "minProperties",
            "required",
            "dependentRequired",
            "properties",
            "patternProperties",
            "additionalProperties",
            "propertyNames",
            "items",
            "prefixItems",
            "contains",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "if",
            "then",
            "else",
            "dependentSchemas",
            "unevaluatedItems",
            "unevaluatedProperties",
            "format",
            "contentEncoding",
            "contentMediaType",
            "contentSchema",
            "title",
            "description",
            "default",
            "deprecated",
            "readOnly",
            "writeOnly",
            "examples");

    private static final Set<String> SCHEMA_MAPS =
            Set.of("properties", "patternProperties", "$defs", "dependentSchemas");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    private static final Set<String> SCHEMAS = Set.of(
            "items",
            "contains",
            "not",
            "if",
            "then",
            "else",
            "additionalProperties",
            "propertyNames",
            "unevaluatedItems",
            "unevaluatedProperties",
            "contentSchema");

    /**
     * Refuses a keyword outside the 2020-12 vocabularies (a {@code maxmum: 5}, or a YAML flow mapping
     * whose unquoted comma made a key of half a description): the validator would silently ignore it.
     */
    private static void checkKeywords(final JsonNode schema, final String at) {
        if (!schema.isObject()) {
            return; // true/false schemas
        }
        for (final var entry : schema.properties()) {
            final String keyword = entry.getKey();
            final JsonNode value = entry.getValue();
            if (!KEYWORDS.contains(keyword)) {
                throw new ProtocolException(
                        ProtocolError.PROTOCOL_SCHEMA_INVALID,
                        "unknown JSON Schema keyword \"" + keyword + "\" at " + at);
            }
            if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
                value.properties().forEach(e -> checkKeywords(e.getValue(), at + "." + keyword + "." + e.getKey()));
            } else if (SCHEMA_LISTS.contains(keyword) && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    checkKeywords(value.get(i), at + "." + keyword + "[" + i + "]");
                }
            } else if (SCHEMAS.contains(keyword)) {
                checkKeywords(value, at + "." + keyword);
            }
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
