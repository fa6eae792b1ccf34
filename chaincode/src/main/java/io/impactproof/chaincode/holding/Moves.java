package io.impactproof.chaincode.holding;

import static io.impactproof.chaincode.certificate.CertificateContract.movement;

import io.impactproof.chaincode.context.Instruction;
import io.impactproof.chaincode.context.RegistryContext;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.Transitions;
import io.impactproof.model.Bounds;
import io.impactproof.model.RegistryError;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.CertificateStatus;
import io.impactproof.model.certificate.Retirement;
import io.impactproof.model.participant.Participant;
import java.util.Map;

/**
 * Moving and retiring a certificate: what a holder's instruction does, and what a campaign's
 * settlement does with the units the holder committed when applying. This class is stateless.
 */
public final class Moves {
    private Moves() {}

    /** The certificate named by the instruction, ACTIVE and held by its signer, of the submitting organisation. */
    public static CertificateRecord held(final RegistryContext ctx, final Instruction signed) {
        final CertificateRecord certificate = ctx.certificates().find(signed.text("serial", Bounds.IDENTIFIER));
        if (!certificate.holder().equals(signed.signer())) {
            throw new RegistryException(
                    RegistryError.NOT_HOLDER, signed.signer() + " does not hold " + certificate.serial());
        }
        final Participant holder = ctx.participants().find(signed.signer());
        if (!holder.active()) {
            throw new RegistryException(RegistryError.PARTICIPANT_INACTIVE, holder.did());
        }
        ctx.authorisation().requireOwnOrganisation(holder);
        if (certificate.status() != CertificateStatus.ACTIVE) {
            throw new RegistryException(
                    RegistryError.CERTIFICATE_STATE_INVALID, certificate.serial() + " is " + certificate.status());
        }
        return certificate;
    }

    /** Gives the certificate to {@code to}; {@code by} is who acted, {@code note} why (null for none). */
    public static CertificateRecord transfer(
            final RegistryContext ctx,
            final CertificateRecord certificate,
            final String to,
            final String by,
            final String note) {
        final CertificateRecord moved =
                certificate.toBuilder().holder(to).updatedAt(ctx.nowText()).build();
        ctx.certificates().save(certificate, moved);
        ctx.certificates().release(certificate.holder(), certificate.serial());
        ctx.certificates().hold(to, certificate.serial());
        ctx.certificates()
                .record(movement(ctx, certificate.serial(), "transferred", by)
                        .from(certificate.holder())
                        .to(to)
                        .quantity(certificate.quantity())
                        .note(note)
                        .build());
        ctx.events()
                .emit(
                        "CertificateTransferred",
                        Map.of("serial", certificate.serial(), "from", certificate.holder(), "to", to));
        return moved;
    }

    /** Retires the certificate for the retirement's beneficiary: irreversible and public. */
    public static CertificateRecord retire(
            final RegistryContext ctx, final CertificateRecord certificate, final Retirement retirement) {
        return retire(ctx, certificate, retirement, certificate.holder());
    }

    /**
     * Retires the certificate, held from now on by {@code holder} (a campaign's financer, for whom its
     * holder's units are retired on settlement): one movement, as a transaction's movements share a key.
     */
    public static CertificateRecord retire(
            final RegistryContext ctx,
            final CertificateRecord certificate,
            final Retirement retirement,
            final String holder) {
        final CertificateRecord retired = certificate.toBuilder()
                .status(Transitions.certificate(certificate.status(), CertificateStatus.RETIRED))
                .holder(holder)
                .retirement(retirement)
                .updatedAt(ctx.nowText())
                .build();
        ctx.certificates().save(certificate, retired);
        if (!holder.equals(certificate.holder())) {
            ctx.certificates().release(certificate.holder(), certificate.serial());
            ctx.certificates().hold(holder, certificate.serial());
        }
        ctx.certificates()
                .record(movement(ctx, certificate.serial(), "retired", retirement.retiredBy())
                        .from(certificate.holder())
                        .quantity(certificate.quantity())
                        .note(retirement.purpose() + " for " + retirement.beneficiary())
                        .build());
        ctx.events()
                .emit(
                        "CertificateRetired",
                        Map.of("serial", certificate.serial(), "beneficiary", retirement.beneficiary()));
        return retired;
    }
}
