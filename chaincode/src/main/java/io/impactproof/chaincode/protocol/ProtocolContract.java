package io.impactproof.chaincode.protocol;

import io.impactproof.chaincode.core.Instruction;
import io.impactproof.chaincode.core.Keys;
import io.impactproof.chaincode.core.LedgerJson;
import io.impactproof.chaincode.core.RegistryContext;
import io.impactproof.chaincode.core.RegistryError;
import io.impactproof.chaincode.core.RegistryException;
import io.impactproof.chaincode.core.State;
import io.impactproof.chaincode.participant.Participant;
import io.impactproof.chaincode.participant.Role;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.ProtocolLoader;
import io.impactproof.protocols.engine.BoundPolicy;
import io.impactproof.protocols.engine.CompiledProtocol;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;
import tools.jackson.databind.JsonNode;

/**
 * Protocols: an operator publishes a protocol version (definition, digest, policy with bound DIDs)
 * and may deprecate it. A version is immutable once published. This class is stateless and
 * thread-safe.
 */
@Contract(name = "protocols", info = @Info(title = "Protocols", version = "1.0.0"))
public final class ProtocolContract implements ContractInterface {
    public static final String PUBLISH = "protocols.publish";
    public static final String DEPRECATE = "protocols.deprecate";

    @Override
    public RegistryContext createContext(final ChaincodeStub stub) {
        return new RegistryContext(stub);
    }

    /** Publishes a version; publishing the same definition again is idempotent. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Publish")
    public String publish(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.instruction(instruction, PUBLISH);
        final Participant operator = ctx.acting(signed.signer(), Role.OPERATOR);
        ctx.requireOwnOrganisation(operator);
        final CompiledProtocol compiled;
        final BoundPolicy policy;
        try {
            compiled = ProtocolLoader.load(signed.text("definition"));
            policy = compiled.bind(bindings(signed.args().path("bindings")));
        } catch (ProtocolException e) {
            throw RegistryException.of(e);
        }
        policy.verifiers().forEach(did -> ctx.acting(did, Role.VERIFIER));
        policy.validators().forEach(did -> ctx.acting(did, Role.VALIDATOR));
        final var p = compiled.protocol();
        final String key = State.key(Keys.PROTOCOL, p.id(), p.version());
        final var existing = ctx.state().get(key, PublishedProtocol.class);
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
        ctx.state().put(key, published);
        ctx.emit("ProtocolPublished", Map.of("protocol", published.ref(), "digest", published.digest()));
        return LedgerJson.string(published);
    }

    /** Deprecates a version: no new claims; claims already submitted continue. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Deprecate")
    public String deprecate(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.instruction(instruction, DEPRECATE);
        final Participant operator = ctx.acting(signed.signer(), Role.OPERATOR);
        ctx.requireOwnOrganisation(operator);
        final PublishedProtocol published = ProtocolRefs.find(ctx, signed.text("id"), signed.text("version"));
        if (!published.organisation().equals(operator.organisation())) {
            throw new RegistryException(
                    RegistryError.FORBIDDEN, "only " + published.organisation() + " may deprecate " + published.ref());
        }
        if (!published.status().equals(PublishedProtocol.ACTIVE)) {
            throw new RegistryException(RegistryError.PROTOCOL_DEPRECATED, published.ref());
        }
        final PublishedProtocol deprecated = published.withStatus(PublishedProtocol.DEPRECATED);
        ctx.state().put(State.key(Keys.PROTOCOL, published.id(), published.version()), deprecated);
        ctx.emit("ProtocolDeprecated", Map.of("protocol", published.ref()));
        return LedgerJson.string(deprecated);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Get")
    public String get(final RegistryContext ctx, final String id, final String version) {
        return LedgerJson.string(ProtocolRefs.find(ctx, id, version));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "List")
    public String list(final RegistryContext ctx) {
        final List<PublishedProtocol> all = ctx.state().scanRecords(Keys.PROTOCOL, PublishedProtocol.class);
        return LedgerJson.string(all);
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
