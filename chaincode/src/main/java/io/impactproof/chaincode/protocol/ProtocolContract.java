package io.impactproof.chaincode.protocol;

import io.impactproof.chaincode.context.Instruction;
import io.impactproof.chaincode.context.RegistryContext;
import io.impactproof.chaincode.context.RegistryContract;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.model.Actions;
import io.impactproof.model.Bounds;
import io.impactproof.model.LedgerJson;
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
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import tools.jackson.databind.JsonNode;

/**
 * Protocols: an operator publishes a protocol version (definition, digest, policy with bound DIDs)
 * and may deprecate it. A version is immutable once published. This class is stateless and
 * thread-safe.
 */
@Contract(name = "protocols", info = @Info(title = "Protocols", version = "1.0.0"))
public final class ProtocolContract extends RegistryContract {

    /** Publishes a version; publishing the same definition again is idempotent. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Publish")
    public String publish(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.PUBLISH);
        final Participant operator = ctx.authorisation().acting(signed.signer(), Role.OPERATOR);
        ctx.authorisation().requireOwnOrganisation(operator);
        final CompiledProtocol compiled;
        final BoundPolicy policy;
        try {
            compiled = ProtocolLoader.load(signed.document("definition", Bounds.DEFINITION));
            policy = compiled.bind(bindings(signed.args().path("bindings")));
        } catch (ProtocolException e) {
            throw RegistryException.of(e);
        }
        policy.verifiers().forEach(did -> ctx.authorisation().acting(did, Role.VERIFIER));
        policy.validators().forEach(did -> ctx.authorisation().acting(did, Role.VALIDATOR));
        final var p = compiled.protocol();
        final var existing = ctx.protocols().get(p.id(), p.version());
        if (existing.isPresent()) {
            final PublishedProtocol e = existing.get();
            if (e.digest().equals(compiled.digest())
                    && e.verifiers().equals(policy.verifiers())
                    && e.validators().equals(policy.validators())) {
                return LedgerJson.string(e);
            }
            throw new RegistryException(
                    RegistryError.PROTOCOL_VERSION_EXISTS, compiled.ref() + " is published with digest " + e.digest());
        }
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
                operator.organisation(),
                operator.did(),
                ctx.nowText(),
                PublishedProtocol.ACTIVE);
        ctx.protocols().put(published);
        ctx.events().emit("ProtocolPublished", Map.of("protocol", published.ref(), "digest", published.digest()));
        return LedgerJson.string(published);
    }

    /** Deprecates a version: no new claims; claims already submitted continue. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Deprecate")
    public String deprecate(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.DEPRECATE);
        final Participant operator = ctx.authorisation().acting(signed.signer(), Role.OPERATOR);
        ctx.authorisation().requireOwnOrganisation(operator);
        final PublishedProtocol published =
                ctx.protocols().find(signed.text("id", Bounds.IDENTIFIER), signed.text("version", Bounds.IDENTIFIER));
        if (!published.organisation().equals(operator.organisation())) {
            throw new RegistryException(
                    RegistryError.WRONG_ORGANISATION,
                    "only " + published.organisation() + " may deprecate " + published.ref());
        }
        if (!published.status().equals(PublishedProtocol.ACTIVE)) {
            throw new RegistryException(RegistryError.PROTOCOL_DEPRECATED, published.ref());
        }
        final PublishedProtocol deprecated = published.withStatus(PublishedProtocol.DEPRECATED);
        ctx.protocols().put(deprecated);
        ctx.events().emit("ProtocolDeprecated", Map.of("protocol", published.ref()));
        return LedgerJson.string(deprecated);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Get")
    public String get(final RegistryContext ctx, final String id, final String version) {
        return LedgerJson.string(ctx.protocols().find(id, version));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "List")
    public String list(final RegistryContext ctx) {
        return LedgerJson.string(ctx.protocols().all());
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
