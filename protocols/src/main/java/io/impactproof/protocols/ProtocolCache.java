package io.impactproof.protocols;

import io.impactproof.protocols.engine.CompiledProtocol;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled protocols by digest. Compiling a protocol (schema, CEL) takes milliseconds and every
 * claim needs it; the cache holds only immutable, content-addressed values, so it can never make two
 * peers disagree. Thread-safe.
 */
public final class ProtocolCache {
    private static final int MAX_CACHED = 256;
    private static final Map<String, CompiledProtocol> COMPILED = new ConcurrentHashMap<>();

    private ProtocolCache() {}

    /**
     * The compiled form of a definition whose digest is {@code digest}. A digest the definition does
     * not have is refused, so a wrong pairing can never enter the cache.
     */
    public static CompiledProtocol compiled(final String digest, final String definition) {
        final CompiledProtocol cached = COMPILED.get(digest);
        if (cached != null) {
            return cached;
        }
        final CompiledProtocol compiled = ProtocolLoader.load(definition);
        if (!compiled.digest().equals(digest)) {
            throw new ProtocolException(
                    ProtocolError.PROTOCOL_MALFORMED,
                    "the definition's digest is " + compiled.digest() + ", not " + digest);
        }
        if (COMPILED.size() >= MAX_CACHED) {
            COMPILED.clear();
        }
        COMPILED.put(digest, compiled);
        return compiled;
    }
}
