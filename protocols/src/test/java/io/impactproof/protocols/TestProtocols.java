package io.impactproof.protocols;

import io.impactproof.credentials.json.Json;
import io.impactproof.protocols.engine.CompiledProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Bundled protocol texts, and changed copies of them, for tests. */
public final class TestProtocols {
    private static final YAMLMapper YAML = new YAMLMapper();

    private TestProtocols() {}

    public static String bundledText(final String file) {
        try (InputStream in =
                ProtocolLoader.class.getResourceAsStream("/io/impactproof/protocols/definitions/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bundled protocol as a JSON tree, changed by the caller, then loaded as JSON text. */
    public static CompiledProtocol loadChanged(final String file, final Consumer<ObjectNode> change) {
        final ObjectNode tree = (ObjectNode) YAML.readTree(bundledText(file));
        change.accept(tree);
        return ProtocolLoader.load(Json.write(tree));
    }

    /** The cargo-bike protocol, changed. */
    public static CompiledProtocol loadChanged(final Consumer<ObjectNode> change) {
        return loadChanged("cargo-bike-delivery-1.1.0.yaml", change);
    }
}
