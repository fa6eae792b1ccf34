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
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Protocols: an operator publishes a protocol version (definition, digest, policy with bound DIDs)
 * and may deprecate it. A version is immutable once published. This class is stateless and
 * thread-safe.
 */
@Contract(name = "protocols", info = @Info(title = "Protocols", version = "1.0.0"))
public final class ProtocolContract extends RegistryContract {

    /**
     * Publishes a version; publishing the same definition again is idempotent. Once the members
     * adopted a charter, a protocol is published by a proposal they approve instead
     * ({@code GOVERNANCE_REQUIRED}).
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Publish")
    public String publish(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.PUBLISH);
        final Participant operator = ctx.authorisation().acting(signed.signer(), Role.OPERATOR);
        ctx.authorisation().requireOwnOrganisation(operator);
        ctx.governance().requireNoCharter("publishing a protocol");
        return LedgerJson.string(Publication.publish(
                ctx,
                signed.document("definition", Bounds.DEFINITION),
                signed.args().path("bindings"),
                operator));
    }

    /** Deprecates a version: no new claims; claims already submitted continue. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Deprecate")
    public String deprecate(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.DEPRECATE);
        final Participant operator = ctx.authorisation().acting(signed.signer(), Role.OPERATOR);
        ctx.authorisation().requireOwnOrganisation(operator);
        ctx.governance().requireNoCharter("deprecating a protocol");
        final PublishedProtocol published =
                ctx.protocols().find(signed.text("id", Bounds.IDENTIFIER), signed.text("version", Bounds.IDENTIFIER));
        if (!published.organisation().equals(operator.organisation())) {
            throw new RegistryException(
                    RegistryError.WRONG_ORGANISATION,
                    "only " + published.organisation() + " may deprecate " + published.ref());
        }
        return LedgerJson.string(Publication.deprecate(ctx, published));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Get")
    public String get(final RegistryContext ctx, final String id, final String version) {
        return LedgerJson.string(ctx.protocols().find(id, version));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "List")
    public String list(final RegistryContext ctx) {
        return LedgerJson.string(ctx.protocols().all());
    }
}
