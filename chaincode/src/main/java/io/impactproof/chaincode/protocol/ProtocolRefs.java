package io.impactproof.chaincode.protocol;

import io.impactproof.chaincode.core.Keys;
import io.impactproof.chaincode.core.RegistryContext;
import io.impactproof.chaincode.core.RegistryError;
import io.impactproof.chaincode.core.RegistryException;
import io.impactproof.chaincode.core.State;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.ProtocolLoader;
import io.impactproof.protocols.engine.CompiledProtocol;
import io.impactproof.protocols.model.Tolerance;
import io.impactproof.protocols.model.ValueRule;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds published protocols and their compiled form. Compiled protocols are cached by digest: the
 * cache holds only immutable, content-addressed values, so it cannot make two peers disagree.
 */
public final class ProtocolRefs {
    private static final Pattern URN =
            Pattern.compile("urn:impactproof:protocol:([a-z0-9][a-z0-9-]{0,63}):([0-9]+\\.[0-9]+\\.[0-9]+)");
    private static final int MAX_CACHED = 256;
    private static final Map<String, CompiledProtocol> COMPILED = new ConcurrentHashMap<>();

    private ProtocolRefs() {}

    public static String urn(final String id, final String version) {
        return "urn:impactproof:protocol:" + id + ":" + version;
    }

    /** The published protocol a credential names by URN. */
    public static PublishedProtocol byUrn(final RegistryContext ctx, final String urn) {
        final Matcher m = urn == null ? null : URN.matcher(urn);
        if (m == null || !m.matches()) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID,
                    "a protocol is named urn:impactproof:protocol:<id>:<version>, got " + urn);
        }
        return find(ctx, m.group(1), m.group(2));
    }

    public static PublishedProtocol find(final RegistryContext ctx, final String id, final String version) {
        return ctx.state()
                .get(State.key(Keys.PROTOCOL, id, version), PublishedProtocol.class)
                .orElseThrow(() -> new RegistryException(RegistryError.PROTOCOL_NOT_FOUND, id + "@" + version));
    }

    public static CompiledProtocol compiled(final PublishedProtocol published) {
        final CompiledProtocol cached = COMPILED.get(published.digest());
        if (cached != null) {
            return cached;
        }
        final CompiledProtocol compiled;
        try {
            compiled = ProtocolLoader.load(published.definition());
        } catch (ProtocolException e) {
            throw RegistryException.of(e);
        }
        if (COMPILED.size() >= MAX_CACHED) {
            COMPILED.clear();
        }
        COMPILED.put(published.digest(), compiled);
        return compiled;
    }

    public static Tolerance tolerance(final PublishedProtocol p) {
        return new Tolerance(
                p.toleranceRelative() == null ? null : new BigDecimal(p.toleranceRelative()),
                p.toleranceAbsolute() == null ? null : new BigDecimal(p.toleranceAbsolute()));
    }

    public static ValueRule valueRule(final PublishedProtocol p) {
        return ValueRule.valueOf(p.valueRule().toUpperCase(Locale.ROOT));
    }
}
