package io.impactproof.chaincode.certificate;

import io.impactproof.chaincode.context.Instruction;
import io.impactproof.chaincode.context.Pages;
import io.impactproof.chaincode.context.RegistryContext;
import io.impactproof.chaincode.context.RegistryContract;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.Signatures;
import io.impactproof.chaincode.context.Transients;
import io.impactproof.chaincode.context.Transitions;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.model.Actions;
import io.impactproof.model.Bounds;
import io.impactproof.model.CredentialTypes;
import io.impactproof.model.LedgerJson;
import io.impactproof.model.RegistryError;
import io.impactproof.model.Transactions;
import io.impactproof.model.certificate.AttestedValue;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.CertificateStatus;
import io.impactproof.model.certificate.Movement;
import io.impactproof.model.certificate.Serials;
import io.impactproof.model.certificate.StatusLists;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.claim.ClaimStatus;
import io.impactproof.model.participant.Role;
import io.impactproof.model.protocol.PublishedProtocol;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Validation and certificates: a designated validator issues the certificate of a VERIFIED claim —
 * the ledger refuses an activity already certified in the same impact category under any protocol,
 * or a period overlapping one already certified for the same asset — then attaches the certificate
 * credential it signed, which must state exactly what the ledger recorded. The validator suspends,
 * reinstates and revokes. This class is stateless and thread-safe.
 */
@Contract(name = "certificates", info = @Info(title = "Certificates", version = "1.0.0"))
public final class CertificateContract extends RegistryContract {

    /**
     * Fixes the value of a VERIFIED claim and records its certificate (status ISSUED). The instruction
     * names one {@code claim}, or a batch of {@code claims} (atomic); the result is the certificate,
     * or the list of certificates.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Issue")
    public String issue(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.ISSUE);
        final var batch = signed.args().get("claims");
        if (batch == null) {
            final CertificateRecord certificate = issueOne(ctx, signed, signed.text("claim", Bounds.IDENTIFIER));
            ctx.events()
                    .emit(
                            "CertificatesIssued",
                            Map.of(
                                    "certificates",
                                    List.of(Map.of("serial", certificate.serial(), "claim", certificate.claim()))));
            return LedgerJson.string(certificate);
        }
        if (!batch.isArray() || batch.isEmpty() || batch.size() > Transients.MAX_BATCH) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "claims must list 1 to " + Transients.MAX_BATCH + " claim ids");
        }
        final List<CertificateRecord> out = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                out.add(issueOne(ctx, signed, batch.get(i).stringValue("")));
            } catch (RuntimeException e) {
                throw RegistryException.at("claims[" + i + "]", e);
            }
        }
        ctx.events()
                .emit(
                        "CertificatesIssued",
                        Map.of(
                                "certificates",
                                out.stream()
                                        .map(c -> Map.of("serial", c.serial(), "claim", c.claim()))
                                        .toList()));
        return LedgerJson.string(out);
    }

    /**
     * The claim digest names a certificate's serial block; the further criteria of a multi-criteria
     * claim share that digest, so theirs is the digest of (claim digest, category).
     */
    private static String blockSeed(final ClaimRecord claim, final PublishedProtocol protocol) {
        return claim.category().equals(protocol.category())
                ? claim.digest()
                : Digests.sha256Hex((claim.digest() + ":" + claim.category()).getBytes(StandardCharsets.UTF_8));
    }

    private CertificateRecord issueOne(final RegistryContext ctx, final Instruction signed, final String claimId) {
        final ClaimRecord claim = ctx.claims().find(claimId);
        final PublishedProtocol protocol = ctx.claims().protocolOf(claim);
        ctx.authorisation().designated(signed.signer(), Role.VALIDATOR, protocol.validators(), protocol.ref());
        if (claim.status() == ClaimStatus.SUBMITTED) {
            throw new RegistryException(
                    RegistryError.QUORUM_NOT_REACHED,
                    claim.attestations() + " of " + protocol.quorum() + " attestations for " + claim.id());
        }
        if (claim.status() != ClaimStatus.VERIFIED) {
            throw new RegistryException(
                    RegistryError.CLAIM_STATE_INVALID, "claim " + claim.id() + " is " + claim.status());
        }
        ctx.activities().requireNotCounted(claim.uniquenessKey());
        ctx.activities().requireNoOverlap(claim);

        final BigDecimal quantity = new BigDecimal(claim.fixedValue());
        final long units = Serials.units(quantity, protocol.decimals());
        final String serial =
                Serials.serial(Serials.block(claim.periodEnd(), protocol.id(), blockSeed(claim, protocol)), 1, units);
        final List<AttestedValue> attestations = ctx.attestations().of(claim.id()).stream()
                .map(a -> new AttestedValue(a.verifier(), a.value(), a.digestSRI()))
                .toList();
        final CertificateRecord certificate = CertificateRecord.builder()
                .serial(serial)
                .claim(claim.id())
                .claimDigestSRI(claim.digestSRI())
                .protocol(claim.protocol())
                .protocolDigest(claim.protocolDigest())
                .category(claim.category())
                .unit(claim.unit())
                .quantity(claim.fixedValue())
                .firstUnit(1)
                .lastUnit(units)
                .proofLevel(claim.proofLevel())
                .periodStart(claim.periodStart())
                .periodEnd(claim.periodEnd())
                .producer(claim.owner())
                .holder(claim.owner())
                .organisation(claim.organisation())
                .validator(signed.signer())
                .attestations(attestations)
                .statusIndex(ctx.certificates().allocateStatusIndex(ctx.now(), serial))
                .status(CertificateStatus.ISSUED)
                .issuedAt(ctx.nowText())
                .updatedAt(ctx.nowText())
                .lots(List.of())
                .build();
        ctx.certificates().save(null, certificate);
        ctx.certificates().hold(certificate.holder(), serial);
        ctx.certificates()
                .record(movement(ctx, serial, "issued", signed.signer())
                        .to(certificate.holder())
                        .quantity(certificate.quantity())
                        .note(claim.id())
                        .build());
        ctx.activities().count(claim, serial);
        // Designated verifiers who did not attest before the quorum certified the claim have nothing left to do.
        final java.util.Set<String> attested = new java.util.HashSet<>();
        attestations.forEach(a -> attested.add(a.verifier()));
        protocol.verifiers().stream()
                .filter(verifier -> !attested.contains(verifier))
                .forEach(verifier -> ctx.claims().doneByVerifier(verifier, claim.id()));
        ctx.claims()
                .save(
                        claim,
                        claim.toBuilder()
                                .status(Transitions.claim(claim.status(), ClaimStatus.CERTIFIED))
                                .certificate(serial)
                                .updatedAt(ctx.nowText())
                                .build());
        return certificate;
    }

    /**
     * Attaches a batch of certificate credentials (transient field {@code certificates}, a JSON array),
     * signed by each certificate's validator and stating exactly what the ledger recorded; each names
     * its certificate by {@code credentialSubject.serial}. The certificates become ACTIVE. Atomic.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "AttachCredentials")
    public String attachCredentials(final RegistryContext ctx) {
        final List<String> compacts = Transients.compacts(ctx, Transactions.TRANSIENT_CERTIFICATES);
        final List<Signatures.Verified> verified = ctx.signatures().credentials(compacts, CredentialTypes.CERTIFICATE);
        final List<CertificateRecord> out = new ArrayList<>();
        for (int i = 0; i < compacts.size(); i++) {
            try {
                out.add(attachOne(ctx, serialOf(compacts.get(i), verified.get(i)), verified.get(i)));
            } catch (RuntimeException e) {
                throw RegistryException.at("certificates[" + i + "]", e);
            }
        }
        ctx.events()
                .emit(
                        "CertificatesActivated",
                        Map.of(
                                "serials",
                                out.stream().map(CertificateRecord::serial).toList()));
        return LedgerJson.string(out);
    }

    /**
     * The serial a certificate credential names: from the credential its verification parsed, or,
     * when it did not verify, from its payload read again (so that what is not a compact JWS is
     * refused as such, before its signature's failure).
     */
    private static String serialOf(final String compact, final Signatures.Verified verified) {
        if (verified.failure() == null) {
            return verified.credential().credential().subjectText("serial").orElse("");
        }
        return serialOf(compact);
    }

    private static String serialOf(final String compact) {
        final String[] parts = compact.split("\\.");
        try {
            return Json.parseObject(Base64.getUrlDecoder().decode(parts[1]))
                    .path("credentialSubject")
                    .path("serial")
                    .stringValue("");
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "not a compact JWS");
        } catch (CredentialException e) {
            throw RegistryException.of(e);
        }
    }

    private CertificateRecord attachOne(
            final RegistryContext ctx, final String serial, final Signatures.Verified verified) {
        final SignedCredential signed = verified.get();
        final CertificateRecord certificate = ctx.certificates().find(serial);
        if (!signed.credential().issuerId().equals(certificate.validator())) {
            throw new RegistryException(
                    RegistryError.VALIDATOR_NOT_DESIGNATED,
                    "the certificate credential must be issued by " + certificate.validator());
        }
        final ClaimRecord claim = ctx.claims().find(certificate.claim());
        CertificateCredentialCheck.check(
                signed.credential(), certificate, ctx.claims().protocolOf(claim), claim.evidence());
        final CertificateRecord active = certificate.toBuilder()
                .status(Transitions.certificate(certificate.status(), CertificateStatus.ACTIVE))
                .credentialDigestSRI(signed.digestSRI())
                .credentialDigest(signed.sha256Hex())
                .updatedAt(ctx.nowText())
                .build();
        ctx.certificates().save(certificate, active);
        return active;
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Suspend")
    public String suspend(final RegistryContext ctx, final String instruction) {
        return changeStatus(ctx, instruction, Actions.SUSPEND, CertificateStatus.SUSPENDED);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Reinstate")
    public String reinstate(final RegistryContext ctx, final String instruction) {
        return changeStatus(ctx, instruction, Actions.REINSTATE, CertificateStatus.ACTIVE);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Revoke")
    public String revoke(final RegistryContext ctx, final String instruction) {
        return changeStatus(ctx, instruction, Actions.REVOKE, CertificateStatus.REVOKED);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Get")
    public String get(final RegistryContext ctx, final String serial) {
        return LedgerJson.string(ctx.certificates().find(serial));
    }

    /** A page of every certificate, in serial order: what the public registry lists. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "List")
    public String list(final RegistryContext ctx, final String pageSize, final String bookmark) {
        return Pages.json(ctx.certificates().all(Pages.size(pageSize), bookmark));
    }

    /** A page of the certificates with a status; only ISSUED (awaiting their credential) is indexed. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "ByStatus")
    public String byStatus(
            final RegistryContext ctx, final String status, final String pageSize, final String bookmark) {
        if (!CertificateStatus.ISSUED.name().equals(status)) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "certificates are listed by status ISSUED only, not " + status);
        }
        return Pages.json(ctx.certificates().issued(Pages.size(pageSize), bookmark));
    }

    /** The set bits of a status list ({@code revocation} or {@code suspension}, list number). */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "StatusBits")
    public String statusBits(final RegistryContext ctx, final String purpose, final String list) {
        if (!StatusLists.isPurpose(purpose) || !list.matches("[0-9]{1,18}")) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "a status list is revocation or suspension and a list number >= 0");
        }
        return LedgerJson.string(ctx.certificates().statusBits(purpose, list));
    }

    private String changeStatus(
            final RegistryContext ctx, final String instruction, final String action, final CertificateStatus target) {
        final Instruction signed = ctx.signatures().instruction(instruction, action);
        final CertificateRecord certificate = ctx.certificates().find(signed.text("serial", Bounds.IDENTIFIER));
        final PublishedProtocol protocol = ctx.protocols().find(certificate.protocol());
        ctx.authorisation().designated(signed.signer(), Role.VALIDATOR, protocol.validators(), protocol.ref());
        final String reason = signed.text("reason", Bounds.REASON);
        final CertificateRecord changed = withStatus(ctx, certificate, target, reason);
        ctx.certificates().save(certificate, changed);
        ctx.campaigns().certificateStatusChanged(certificate.serial(), target, ctx.nowText());
        cascade(ctx, certificate, target, reason);
        switch (target) {
            case SUSPENDED ->
                ctx.certificates()
                        .setStatusBit(StatusLists.SUSPENSION, certificate.statusIndex(), certificate.serial());
            case ACTIVE -> ctx.certificates().clearStatusBit(StatusLists.SUSPENSION, certificate.statusIndex());
            case REVOKED ->
                ctx.certificates()
                        .setStatusBit(StatusLists.REVOCATION, certificate.statusIndex(), certificate.serial());
            default -> throw new IllegalStateException("no status bit for " + target);
        }
        ctx.certificates()
                .record(movement(ctx, certificate.serial(), target.name().toLowerCase(Locale.ROOT), signed.signer())
                        .related(certificate.lots())
                        .note(reason)
                        .build());
        ctx.events()
                .emit(
                        "CertificateStatusChanged",
                        Map.of("serial", certificate.serial(), "status", target.name(), "reason", reason));
        return LedgerJson.string(changed);
    }

    private static CertificateRecord withStatus(
            final RegistryContext ctx,
            final CertificateRecord certificate,
            final CertificateStatus target,
            final String reason) {
        return certificate.toBuilder()
                .status(Transitions.certificate(certificate.status(), target))
                .reason(reason)
                .updatedAt(ctx.nowText())
                .build();
    }

    /**
     * Lots share their parent's status bit, so a status change of the parent reaches every lot that
     * can take it (a retired lot can still be revoked, not suspended).
     */
    private static void cascade(
            final RegistryContext ctx,
            final CertificateRecord parent,
            final CertificateStatus target,
            final String reason) {
        for (final String serial : parent.lots()) {
            final CertificateRecord lot = ctx.certificates().find(serial);
            final boolean applies = switch (target) {
                case REVOKED -> lot.status() != CertificateStatus.REVOKED;
                case SUSPENDED -> lot.status() == CertificateStatus.ACTIVE;
                case ACTIVE -> lot.status() == CertificateStatus.SUSPENDED;
                default -> false;
            };
            if (applies) {
                ctx.certificates().save(lot, withStatus(ctx, lot, target, reason));
                ctx.campaigns().certificateStatusChanged(serial, target, ctx.nowText());
            }
            cascade(ctx, lot, target, reason);
        }
    }

    /** A history event of this transaction, by the signer. */
    public static Movement.Builder movement(
            final RegistryContext ctx, final String serial, final String kind, final String by) {
        return Movement.builder()
                .serial(serial)
                .kind(kind)
                .by(by)
                .at(ctx.nowText())
                .txId(ctx.txId());
    }
}
