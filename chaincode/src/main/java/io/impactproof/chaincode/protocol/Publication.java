package io.impactproof.chaincode.protocol;

import io.impactproof.chaincode.context.RegistryContext;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.model.RegistryError;
import io.impactproof.model.participant.Participant;
import io.impactproof.model.participant.Role;
import io.impactproof.model.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.ProtocolLoader;
import io.impactproof.protocols.engine.BoundPolicy;
import io.impactproof.protocols.engine.CompiledProtocol;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Publishing and deprecating a protocol version: what an operator's instruction does before the
 * members adopt a charter, and what an adopted proposal does after. This class is stateless.
 */
public final class Publication {
    private Publication() {}

    /** Loads, binds and checks a definition, refusing what could not be published; returns it compiled. */
    public static CompiledProtocol checked(
            final RegistryContext ctx, final String definition, final JsonNode bindings) {
        final CompiledProtocol compiled;
        final BoundPolicy policy;
        try {
            compiled = ProtocolLoader.load(definition);
            policy = compiled.bind(bindings(bindings));
        } catch (ProtocolException e) {
            throw RegistryException.of(e);
        }
        policy.verifiers().forEach(did -> ctx.authorisation().acting(did, Role.VERIFIER));
        policy.validators().forEach(did -> ctx.authorisation().acting(did, Role.VALIDATOR));
        ctx.protocols()
                .get(compiled.protocol().id(), compiled.protocol().version())
                .filter(e -> !e.digest().equals(compiled.digest())
                        || !e.verifiers().equals(policy.verifiers())
                        || !e.validators().equals(policy.validators()))
                .ifPresent(e -> {
                    throw new RegistryException(
                            RegistryError.PROTOCOL_VERSION_EXISTS,
                            compiled.ref() + " is published with digest " + e.digest());
                });
        return compiled;
    }

    /** Publishes a version for {@code publisher}'s organisation; the same definition again is idempotent. */
    public static PublishedProtocol publish(
            final RegistryContext ctx, final String definition, final JsonNode bindings, final Participant publisher) {
        final CompiledProtocol compiled = checked(ctx, definition, bindings);
        final var p = compiled.protocol();
        final var existing = ctx.protocols().get(p.id(), p.version());
        if (existing.isPresent()) {
            return existing.get();
        }
        final BoundPolicy policy = compiled.bind(bindings(bindings));
        final var tolerance = policy.tolerance();
        final PublishedProtocol published = new PublishedProtocol(
                p.id(),
                p.version(),
                compiled.digest(),
                compiled.digestSRI(),
                compiled.canonicalJson(),
                p.impact().category(),
                p.impact().unit(),
                p.impact().decimals(),
                policy.verifiers(),
                policy.quorum(),
                tolerance.relative() == null ? null : tolerance.relative().toPlainString(),
                tolerance.absolute() == null ? null : tolerance.absolute().toPlainString(),
                policy.valueRule().name().toLowerCase(Locale.ROOT),
                policy.validators(),
                publisher.organisation(),
                publisher.did(),
                ctx.nowText(),
                PublishedProtocol.ACTIVE);
        ctx.protocols().put(published);
        ctx.events().emit("ProtocolPublished", Map.of("protocol", published.ref(), "digest", published.digest()));
        return published;
    }

    /** Deprecates an ACTIVE version: no new claims; claims already submitted continue. */
    public static PublishedProtocol deprecate(final RegistryContext ctx, final PublishedProtocol published) {
        if (!published.status().equals(PublishedProtocol.ACTIVE)) {
            throw new RegistryException(RegistryError.PROTOCOL_DEPRECATED, published.ref());
        }
        final PublishedProtocol deprecated = published.withStatus(PublishedProtocol.DEPRECATED);
        ctx.protocols().put(deprecated);
        ctx.events().emit("ProtocolDeprecated", Map.of("protocol", published.ref()));
        return deprecated;
    }

    private static Map<String, String> bindings(final JsonNode node) {
        if (!node.isObject()) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "bindings must map role slots to DIDs");
        }
        final Map<String, String> out = new TreeMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().stringValue("")));
        return out;
    }
}
