package io.impactproof.chaincode.holding;

import static io.impactproof.chaincode.certificate.CertificateContract.movement;

import io.impactproof.chaincode.context.Instruction;
import io.impactproof.chaincode.context.Pages;
import io.impactproof.chaincode.context.RegistryContext;
import io.impactproof.chaincode.context.RegistryContract;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.Transitions;
import io.impactproof.model.Actions;
import io.impactproof.model.Bounds;
import io.impactproof.model.LedgerJson;
import io.impactproof.model.RegistryError;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.CertificateStatus;
import io.impactproof.model.certificate.Retirement;
import io.impactproof.model.certificate.Serials;
import io.impactproof.model.participant.Participant;
import io.impactproof.model.participant.Role;
import io.impactproof.model.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.engine.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import tools.jackson.databind.JsonNode;

/**
 * What holders do with ACTIVE certificates: transfer them, split them into lots (serial ranges,
 * history kept) and retire them (irreversible, public). Each action is an instruction signed by the
 * current holder, submitted by the holder's organisation. This class is stateless and thread-safe.
 */
@Contract(name = "holdings", info = @Info(title = "Certificate holdings", version = "1.0.0"))
public final class HoldingContract extends RegistryContract {
    private static final int MAX_LOTS = 100;

    /** Transfers a certificate to another registered owner or financer. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Transfer")
    public String transfer(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.TRANSFER);
        final CertificateRecord certificate = held(ctx, signed);
        final Participant to = ctx.participants().find(signed.text("to", Bounds.IDENTIFIER));
        if (!to.active() || !(to.has(Role.FINANCER) || to.has(Role.OWNER))) {
            throw new RegistryException(
                    RegistryError.WRONG_ROLE, to.did() + " cannot hold certificates (an active owner or financer can)");
        }
        if (to.did().equals(certificate.holder())) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "the certificate is already held by " + to.did());
        }
        final CertificateRecord moved = Moves.transfer(ctx, certificate, to.did(), signed.signer(), null);
        return LedgerJson.string(moved);
    }

    /**
     * Splits a certificate into lots of the given quantities, which must add up exactly to its
     * quantity; each lot covers the next range of units.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Split")
    public String split(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.SPLIT);
        final CertificateRecord certificate = held(ctx, signed);
        final PublishedProtocol protocol = ctx.protocols().find(certificate.protocol());
        final List<BigDecimal> parts = lots(signed.args().path("quantities"), protocol, certificate);
        final List<String> serials = new ArrayList<>();
        long next = certificate.firstUnit();
        for (final BigDecimal part : parts) {
            final long last = next + Serials.units(part, protocol.decimals()) - 1;
            final String serial = Serials.serial(certificate.block(), next, last);
            final CertificateRecord lot = certificate.toBuilder()
                    .serial(serial)
                    .quantity(part.toPlainString())
                    .firstUnit(next)
                    .lastUnit(last)
                    .status(CertificateStatus.ACTIVE)
                    .reason(null)
                    .issuedAt(ctx.nowText())
                    .updatedAt(ctx.nowText())
                    .parent(certificate.serial())
                    .lots(List.of())
                    .retirement(null)
                    .build();
            ctx.certificates().save(null, lot);
            ctx.certificates().hold(lot.holder(), serial);
            ctx.certificates()
                    .record(movement(ctx, serial, "created by split", signed.signer())
                            .to(lot.holder())
                            .quantity(lot.quantity())
                            .related(List.of(certificate.serial()))
                            .build());
            serials.add(serial);
            next = last + 1;
        }
        final CertificateRecord parent = certificate.toBuilder()
                .status(Transitions.certificate(certificate.status(), CertificateStatus.SPLIT))
                .lots(serials)
                .updatedAt(ctx.nowText())
                .build();
        ctx.certificates().save(certificate, parent);
        ctx.certificates().release(certificate.holder(), certificate.serial());
        ctx.certificates()
                .record(movement(ctx, certificate.serial(), "split", signed.signer())
                        .from(certificate.holder())
                        .quantity(certificate.quantity())
                        .related(serials)
                        .build());
        ctx.events().emit("CertificateSplit", Map.of("serial", certificate.serial(), "lots", serials));
        return LedgerJson.string(serials.stream().map(ctx.certificates()::find).toList());
    }

    private static List<BigDecimal> lots(
            final JsonNode quantities, final PublishedProtocol protocol, final CertificateRecord certificate) {
        if (!quantities.isArray() || quantities.size() < 2 || quantities.size() > MAX_LOTS) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "quantities must list 2 to " + MAX_LOTS + " lots");
        }
        final List<BigDecimal> parts = new ArrayList<>();
        for (final JsonNode q : quantities) {
            try {
                final BigDecimal part = Decimals.parse(q.stringValue(null), protocol.decimals());
                if (part.signum() <= 0) {
                    throw new RegistryException(RegistryError.ARGUMENT_INVALID, "every lot is greater than zero");
                }
                parts.add(part);
            } catch (ProtocolException e) {
                throw RegistryException.of(e);
            }
        }
        final BigDecimal total = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(new BigDecimal(certificate.quantity())) != 0) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID,
                    "the lots add up to " + total.toPlainString() + ", not " + certificate.quantity());
        }
        return parts;
    }

    /** Retires a certificate for a beneficiary and a reporting period: irreversible and public. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Retire")
    public String retire(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.RETIRE);
        final CertificateRecord certificate = held(ctx, signed);
        final Retirement retirement = new Retirement(
                signed.text("beneficiary", Bounds.BENEFICIARY),
                signed.text("purpose", Bounds.PURPOSE),
                signed.text("jurisdiction", Bounds.JURISDICTION),
                signed.text("reportingPeriod", Bounds.PERIOD),
                signed.signer(),
                ctx.nowText(),
                ctx.txId());
        final CertificateRecord retired = Moves.retire(ctx, certificate, retirement);
        return LedgerJson.string(retired);
    }

    /** The history of a certificate, oldest first. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "History")
    public String history(final RegistryContext ctx, final String serial) {
        ctx.certificates().find(serial);
        return LedgerJson.string(ctx.certificates().history(serial));
    }

    /**
     * A page of the certificates a participant holds, active or retired; {@code bookmark} empty for
     * the first. Paged because a peer's answer is one gRPC message: a holder of thousands of
     * certificates would not fit in one.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "ByHolder")
    public String byHolder(final RegistryContext ctx, final String did, final String pageSize, final String bookmark) {
        return Pages.json(ctx.certificates().heldBy(did, Pages.size(pageSize), bookmark));
    }

    /**
     * The certificate named by the instruction, ACTIVE, held by its signer, of the submitting
     * organisation, and not committed to a campaign awaiting payment.
     */
    private static CertificateRecord held(final RegistryContext ctx, final Instruction signed) {
        final CertificateRecord certificate = Moves.held(ctx, signed);
        ctx.campaigns().requireNotCommitted(certificate.serial());
        return certificate;
    }
}
