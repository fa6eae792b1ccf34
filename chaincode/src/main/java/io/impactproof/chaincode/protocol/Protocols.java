package io.impactproof.chaincode.protocol;

import io.impactproof.chaincode.context.Keys;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.State;
import io.impactproof.model.RegistryError;
import io.impactproof.model.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolCache;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.engine.CompiledProtocol;
import io.impactproof.protocols.model.Tolerance;
import io.impactproof.protocols.model.ValueRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The protocols published on the ledger and their compiled form (from the {@link ProtocolCache}). One
 * per transaction.
 */
public final class Protocols {
    private static final Pattern URN = Pattern.compile(
            Pattern.quote(PublishedProtocol.URN_PREFIX) + "([a-z0-9][a-z0-9-]{0,63}):([0-9]+\\.[0-9]+\\.[0-9]+)");

    private final State state;

    public Protocols(final State state) {
        this.state = state;
    }

    public java.util.Optional<PublishedProtocol> get(final String id, final String version) {
        return state.get(State.key(Keys.PROTOCOL, id, version), PublishedProtocol.class);
    }

    public PublishedProtocol find(final String id, final String version) {
        return get(id, version)
                .orElseThrow(() -> new RegistryException(RegistryError.PROTOCOL_NOT_FOUND, id + "@" + version));
    }

    /** The protocol a record names by {@code id@version}. */
    public PublishedProtocol find(final String ref) {
        final int at = ref.lastIndexOf('@');
        return find(ref.substring(0, at), ref.substring(at + 1));
    }

    /** The published protocol a credential names by URN. */
    public PublishedProtocol byUrn(final String urn) {
        final Matcher m = urn == null ? null : URN.matcher(urn);
        if (m == null || !m.matches()) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID,
                    "a protocol is named " + PublishedProtocol.URN_PREFIX + "<id>:<version>, got " + urn);
        }
        return find(m.group(1), m.group(2));
    }

    public void put(final PublishedProtocol protocol) {
        state.put(State.key(Keys.PROTOCOL, protocol.id(), protocol.version()), protocol);
    }

    public List<PublishedProtocol> all() {
        return state.scanRecords(Keys.PROTOCOL, PublishedProtocol.class);
    }

    public static CompiledProtocol compiled(final PublishedProtocol published) {
        try {
            return ProtocolCache.compiled(published.digest(), published.definition());
        } catch (ProtocolException e) {
            throw RegistryException.of(e);
        }
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
