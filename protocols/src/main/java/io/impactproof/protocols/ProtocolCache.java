package io.impactproof.protocols;

import io.impactproof.credentials.BoundedCache;
import io.impactproof.protocols.engine.CompiledProtocol;

/**
 * Compiled protocols by digest. Compiling a protocol (schema, CEL) takes milliseconds and every
 * claim needs it; the cache holds only immutable, content-addressed values, so it can never make two
 * peers disagree. Thread-safe.
 */
public final class ProtocolCache {
    private static final BoundedCache<String, CompiledProtocol> COMPILED = new BoundedCache<>(256);

    private ProtocolCache() {}

    /**
     * The compiled form of a definition whose digest is {@code digest}. A digest the definition does
     * not have is refused, so a wrong pairing can never enter the cache.
     */
    public static CompiledProtocol compiled(final String digest, final String definition) {
        return COMPILED.get(digest, d -> {
            final CompiledProtocol compiled = ProtocolLoader.load(definition);
            if (!compiled.digest().equals(d)) {
                throw new ProtocolException(
                        ProtocolError.PROTOCOL_MALFORMED,
                        "the definition's digest is " + compiled.digest() + ", not " + d);
            }
            return compiled;
        });
    }
}
