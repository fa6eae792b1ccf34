package io.impactproof.credentials.json;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON mapper of the project and RFC 8785 canonical JSON. This class is thread-safe.
 *
 * <p>Parsing is strict: duplicate keys are rejected and nesting is bounded, because a credential
 * that means two things to two parsers is an attack.
 */
public final class Json {
    /** Nesting deeper than this is not a credential, it is an attack on the parser. */
    public static final int MAX_NESTING_DEPTH = 64;

    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .build())
                    .build())
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Parses a JSON document, failing with {@link ErrorCode#MALFORMED_JSON}. */
    public static JsonNode parse(final String json) {
        return read(json, MAPPER::readTree);
    }

    /** Parses a UTF-8 JSON document (read as bytes: no String made first; invalid UTF-8 is malformed). */
    public static JsonNode parse(final byte[] json) {
        return read(json, MAPPER::readTree);
    }

    /** Parses a JSON document that must be an object. */
    public static ObjectNode parseObject(final String json) {
        return object(parse(json));
    }

    /** Parses UTF-8 bytes that must be a JSON object (read as bytes: no String made first). */
    public static ObjectNode parseObject(final byte[] json) {
        return object(read(json, MAPPER::readTree));
    }

    private static <T> JsonNode read(final T json, final Function<T, JsonNode> reader) {
        if (json == null) {
            throw new CredentialException(ErrorCode.MALFORMED_JSON, "no JSON document");
        }
        try {
            return reader.apply(json);
        } catch (JacksonException e) {
            throw new CredentialException(ErrorCode.MALFORMED_JSON, e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode object(final JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new CredentialException(ErrorCode.MALFORMED_JSON, "expected a JSON object");
        }
        return (ObjectNode) node;
    }

    public static String write(final JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** The RFC 8785 (JCS) canonical form: sorted keys, no white space, ECMAScript numbers. */
    public static String canonical(final JsonNode node) {
        try {
            return new JsonCanonicalizer(write(node)).getEncodedString();
        } catch (java.io.IOException e) {
            throw new CredentialException(ErrorCode.MALFORMED_JSON, "not canonicalisable: " + e.getMessage(), e);
        }
    }

    public static byte[] canonicalBytes(final JsonNode node) {
        return canonical(node).getBytes(StandardCharsets.UTF_8);
    }
}
