package io.impactproof.protocols;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.impactproof.protocols.engine.CompiledProtocol;
import io.impactproof.protocols.model.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads protocol definitions (YAML, or JSON, which is YAML too) and the bundled protocols. This class
 * is thread-safe.
 *
 * <p>Loading is strict: an unknown field, a missing field, a CEL expression that does not compile or
 * has the wrong type, or a claim schema that is not valid JSON Schema each fail with their own
 * {@link ProtocolError}, naming where.
 */
public final class ProtocolLoader {
    /** The definitions shipped in {@code protocols/definitions/}. */
    public static final List<String> BUNDLED = List.of(
            "cargo-bike-delivery-1.1.0.yaml",
            "home-to-work-commute-1.1.0.yaml",
            "home-to-work-commute-1.2.0.yaml",
            "low-carbon-forestry-1.1.0.yaml",
            "server-lifetime-extension-1.0.0.yaml",
            "cloud-right-sizing-1.0.0.yaml");

    /** Protocol files are small; a larger one is refused before parsing. */
    public static final int MAX_BYTES = 512 * 1024;

    private static final String BUNDLED_DIR = "/io/impactproof/protocols/definitions/";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // "- " with nothing after it is a null list item; refuse it where it is, not later as a fault.
            .changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .build();

    private ProtocolLoader() {}

    /** Parses, checks and compiles a definition. */
    public static CompiledProtocol load(final String text) {
        if (text == null) {
            throw new ProtocolException(ProtocolError.PROTOCOL_MALFORMED, "no definition");
        }
        if (text.length() > MAX_BYTES) {
            throw new ProtocolException(
                    ProtocolError.PROTOCOL_MALFORMED, "a protocol is at most " + MAX_BYTES + " bytes");
        }
        final JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new ProtocolException(ProtocolError.PROTOCOL_MALFORMED, e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ProtocolException(ProtocolError.PROTOCOL_MALFORMED, "a protocol is a mapping (object)");
        }
        final Protocol protocol;
        try {
            protocol = YAML.treeToValue(tree, Protocol.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ProtocolException(
                    ProtocolError.PROTOCOL_UNKNOWN_FIELD, "unknown field " + e.getPropertyName() + " at " + path(e), e);
        } catch (DatabindException e) {
            throw new ProtocolException(
                    ProtocolError.PROTOCOL_MALFORMED, "a value has the wrong type or shape at " + path(e), e);
        } catch (JacksonException e) {
            // A number out of its field's range (decimals: 10^75) is refused by the parser, not the binder.
            throw new ProtocolException(
                    ProtocolError.PROTOCOL_MALFORMED, "a value is out of range: " + e.getOriginalMessage(), e);
        }
        ProtocolChecks.check(protocol);
        return CompiledProtocol.compile(protocol, tree);
    }

    /** Where in the document an error is, in the document's own terms: {@code verification.tolerance.relative}, {@code calculations[2]}. */
    private static String path(final DatabindException e) {
        final StringBuilder out = new StringBuilder();
        for (final var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "the top level" : out.toString();
    }

    /** Loads a bundled definition by file name. */
    public static CompiledProtocol bundledFile(final String fileName) {
        try (InputStream in = ProtocolLoader.class.getResourceAsStream(BUNDLED_DIR + fileName)) {
            if (in == null) {
                throw new ProtocolException(ProtocolError.PROTOCOL_NOT_FOUND, fileName);
            }
            return load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a bundled protocol by id and version. */
    public static CompiledProtocol bundled(final String id, final String version) {
        final String file = id + "-" + version + ".yaml";
        if (!BUNDLED.contains(file)) {
            throw new ProtocolException(ProtocolError.PROTOCOL_NOT_FOUND, id + "@" + version);
        }
        return bundledFile(file);
    }

    /** Every bundled protocol, in {@link #BUNDLED} order. */
    public static List<CompiledProtocol> bundled() {
        return BUNDLED.stream().map(ProtocolLoader::bundledFile).toList();
    }
}
