package io.impactproof.chaincode.certificate;

import io.impactproof.chaincode.claim.ClaimContract;
import io.impactproof.chaincode.core.Instruction;
import io.impactproof.chaincode.core.Keys;
import io.impactproof.chaincode.core.LedgerJson;
import io.impactproof.chaincode.core.RegistryContext;
import io.impactproof.chaincode.core.RegistryError;
import io.impactproof.chaincode.core.RegistryException;
import io.impactproof.chaincode.core.State;
import io.impactproof.chaincode.participant.Participant;
import io.impactproof.chaincode.participant.Role;
import io.impactproof.chaincode.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.engine.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;
import tools.jackson.databind.JsonNode;

/**
 * What holders do with ACTIVE certificates: transfer them, split them into lots (serial ranges,
 * history kept) and retire them (irreversible, public). Each action is an instruction signed by the
 * current holder, submitted by the holder's organisation. This class is stateless and thread-safe.
 */
@Contract(name = "holdings", info = @Info(title = "Certificate holdings", version = "1.0.0"))
public final class HoldingContract implements ContractInterface {
    public static final String TRANSFER = "certificates.transfer";
    public static final String SPLIT = "certificates.split";
    public static final String RETIRE = "certificates.retire";
    private static final int MAX_LOTS = 100;

    @Override
    public RegistryContext createContext(final ChaincodeStub stub) {
        return new RegistryContext(stub);
    }

    /** Transfers a certificate to another registered owner or financer. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Transfer")
    public String transfer(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.instruction(instruction, TRANSFER);
        final CertificateRecord certificate = held(ctx, signed);
        final Participant to = ctx.participant(signed.text("to"));
        if (!to.active() || !(to.has(Role.FINANCER) || to.has(Role.OWNER))) {
            throw new RegistryException(
                    RegistryError.WRONG_ROLE, to.did() + " cannot hold certificates (an active owner or financer can)");
        }
        if (to.did().equals(certificate.holder())) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "the certificate is already held by " + to.did());
        }
        final CertificateRecord moved = certificate.heldBy(to.did(), ctx.nowText());
        ctx.state().put(State.key(Keys.CERTIFICATE, certificate.serial()), moved);
        ctx.state().delete(State.key(Keys.HOLDING, certificate.holder(), certificate.serial()));
        ctx.state().mark(State.key(Keys.HOLDING, to.did(), certificate.serial()), "");
        Movements.record(
                ctx,
                new Movement(
                        certificate.serial(),
                        "transferred",
                        signed.signer(),
                        certificate.holder(),
                        to.did(),
                        certificate.quantity(),
                        List.of(),
                        null,
                        ctx.nowText(),
                        ctx.getStub().getTxId()));
        ctx.emit(
                "CertificateTransferred",
                Map.of("serial", certificate.serial(), "from", certificate.holder(), "to", to.did()));
        return LedgerJson.string(moved);
    }

    /**
     * Splits a certificate into lots of the given quantities, which must add up exactly to its
     * quantity; each lot covers the next range of units.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Split")
    public String split(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.instruction(instruction, SPLIT);
        final CertificateRecord certificate = held(ctx, signed);
        final PublishedProtocol protocol = ClaimContract.protocolOf(ctx, ClaimContract.find(ctx, certificate.claim()));
        final JsonNode quantities = signed.args().path("quantities");
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
        final List<String> serials = new ArrayList<>();
        long next = certificate.firstUnit();
        for (final BigDecimal part : parts) {
            final long units = Serials.units(part, protocol.decimals());
            final String serial = Serials.serial(certificate.block(), next, next + units - 1);
            final CertificateRecord lot =
                    certificate.lot(serial, part.toPlainString(), next, next + units - 1, ctx.nowText());
            ctx.state().put(State.key(Keys.CERTIFICATE, serial), lot);
            ctx.state().mark(State.key(Keys.HOLDING, lot.holder(), serial), "");
            Movements.record(
                    ctx,
                    new Movement(
                            serial,
                            "created by split",
                            signed.signer(),
                            null,
                            lot.holder(),
                            lot.quantity(),
                            List.of(certificate.serial()),
                            null,
                            ctx.nowText(),
                            ctx.getStub().getTxId()));
            serials.add(serial);
            next += units;
        }
        final CertificateRecord parent = certificate.splitInto(serials, ctx.nowText());
        ctx.state().put(State.key(Keys.CERTIFICATE, certificate.serial()), parent);
        ctx.state().delete(State.key(Keys.HOLDING, certificate.holder(), certificate.serial()));
        Movements.record(
                ctx,
                new Movement(
                        certificate.serial(),
                        "split",
                        signed.signer(),
                        certificate.holder(),
                        null,
                        certificate.quantity(),
                        serials,
                        null,
                        ctx.nowText(),
                        ctx.getStub().getTxId()));
        ctx.emit("CertificateSplit", Map.of("serial", certificate.serial(), "lots", serials));
        return LedgerJson.string(serials.stream()
                .map(serial -> CertificateContract.find(ctx, serial))
                .toList());
    }

    /** Retires a certificate for a beneficiary and a reporting period: irreversible and public. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Retire")
    public String retire(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.instruction(instruction, RETIRE);
        final CertificateRecord certificate = held(ctx, signed);
        final Retirement retirement = new Retirement(
                signed.text("beneficiary"),
                signed.text("purpose"),
                signed.text("jurisdiction"),
                signed.text("reportingPeriod"),
                signed.signer(),
                ctx.nowText(),
                ctx.getStub().getTxId());
        final CertificateRecord retired = certificate.retired(retirement, ctx.nowText());
        ctx.state().put(State.key(Keys.CERTIFICATE, certificate.serial()), retired);
        Movements.record(
                ctx,
                new Movement(
                        certificate.serial(),
                        "retired",
                        signed.signer(),
                        certificate.holder(),
                        null,
                        certificate.quantity(),
                        List.of(),
                        retirement.purpose() + " for " + retirement.beneficiary(),
                        ctx.nowText(),
                        ctx.getStub().getTxId()));
        ctx.emit("CertificateRetired", Map.of("serial", certificate.serial(), "beneficiary", retirement.beneficiary()));
        return LedgerJson.string(retired);
    }

    /** The history of a certificate, oldest first. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "History")
    public String history(final RegistryContext ctx, final String serial) {
        CertificateContract.find(ctx, serial);
        return LedgerJson.string(Movements.of(ctx, serial));
    }

    /** The certificates a participant holds, active or retired. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "ByHolder")
    public String byHolder(final RegistryContext ctx, final String did) {
        final List<CertificateRecord> out = new ArrayList<>();
        for (final var entry : ctx.state().scan(Keys.HOLDING, bytes -> "", did)) {
            out.add(CertificateContract.find(ctx, State.parts(entry.getKey()).get(1)));
        }
        return LedgerJson.string(out);
    }

    /** The certificate named by the instruction, ACTIVE and held by its signer, of the submitting organisation. */
    private static CertificateRecord held(final RegistryContext ctx, final Instruction signed) {
        final CertificateRecord certificate = CertificateContract.find(ctx, signed.text("serial"));
        if (!certificate.holder().equals(signed.signer())) {
            throw new RegistryException(
                    RegistryError.FORBIDDEN, signed.signer() + " does not hold " + certificate.serial());
        }
        final Participant holder = ctx.participant(signed.signer());
        if (!holder.active()) {
            throw new RegistryException(RegistryError.PARTICIPANT_INACTIVE, holder.did());
        }
        ctx.requireOwnOrganisation(holder);
        if (certificate.status() != CertificateStatus.ACTIVE) {
            throw new RegistryException(
                    RegistryError.CERTIFICATE_STATE_INVALID, certificate.serial() + " is " + certificate.status());
        }
        return certificate;
    }
}
