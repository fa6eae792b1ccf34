package io.impactproof.chaincode.certificate;

import io.impactproof.chaincode.attestation.AttestationRecord;
import io.impactproof.chaincode.claim.ClaimContract;
import io.impactproof.chaincode.claim.ClaimRecord;
import io.impactproof.chaincode.claim.ClaimStatus;
import io.impactproof.chaincode.core.Instruction;
import io.impactproof.chaincode.core.Keys;
import io.impactproof.chaincode.core.LedgerJson;
import io.impactproof.chaincode.core.RegistryContext;
import io.impactproof.chaincode.core.RegistryError;
import io.impactproof.chaincode.core.RegistryException;
import io.impactproof.chaincode.core.State;
import io.impactproof.chaincode.core.Transients;
import io.impactproof.chaincode.participant.Role;
import io.impactproof.chaincode.protocol.PublishedProtocol;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Validation and certificates: a designated validator issues the certificate of a VERIFIED claim —
 * the ledger refuses an activity already certified in the same impact category under any protocol,
 * or a period overlapping one already certified for the same asset — then attaches the certificate
 * credential it signed, which must state exactly what the ledger recorded. The validator suspends,
 * reinstates and revokes. This class is stateless and thread-safe.
 */
@Contract(name = "certificates", info = @Info(title = "Certificates", version = "1.0.0"))
public final class CertificateContract implements ContractInterface {
    public static final String ISSUE = "certificates.issue";
    public static final String SUSPEND = "certificates.suspend";
    public static final String REINSTATE = "certificates.reinstate";
    public static final String REVOKE = "certificates.revoke";
    public static final String CERTIFICATE_TYPE = "ProofOfImpactCredential";
    public static final String TRANSIENT_CERTIFICATE = "certificate";
    public static final String TRANSIENT_CERTIFICATES = "certificates";
    public static final String REVOCATION = "revocation";
    public static final String SUSPENSION = "suspension";

    @Override
    public RegistryContext createContext(final ChaincodeStub stub) {
        return new RegistryContext(stub);
    }

    /**
     * Fixes the value of a VERIFIED claim and records its certificate (status ISSUED). The instruction
     * names one {@code claim}, or a batch of {@code claims} (atomic); the result is the certificate,
     * or the list of certificates.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Issue")
    public String issue(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.instruction(instruction, ISSUE);
        final var batch = signed.args().get("claims");
        if (batch == null) {
            final CertificateRecord certificate = issueOne(ctx, signed, signed.text("claim"));
            ctx.emit(
                    "CertificateIssued",
                    Map.of(
                            "serial",
                            certificate.serial(),
                            "claim",
                            certificate.claim(),
                            "quantity",
                            certificate.quantity(),
                            "unit",
                            certificate.unit()));
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
        ctx.emit(
                "CertificatesIssued",
                Map.of(
                        "certificates",
                        out.stream()
                                .map(c -> Map.of("serial", c.serial(), "claim", c.claim()))
                                .toList()));
        return LedgerJson.string(out);
    }

    private CertificateRecord issueOne(final RegistryContext ctx, final Instruction signed, final String claimId) {
        final ClaimRecord claim = ClaimContract.find(ctx, claimId);
        final PublishedProtocol protocol = ClaimContract.protocolOf(ctx, claim);
        requireValidator(ctx, signed.signer(), protocol);
        if (claim.status() == ClaimStatus.SUBMITTED) {
            throw new RegistryException(
                    RegistryError.QUORUM_NOT_REACHED,
                    claim.attestations() + " of " + protocol.quorum() + " attestations for " + claim.id());
        }
        if (claim.status() != ClaimStatus.VERIFIED) {
            throw new RegistryException(
                    RegistryError.CLAIM_STATE_INVALID, "claim " + claim.id() + " is " + claim.status());
        }
        final String uniqueKey = State.key(Keys.UNIQUE, claim.uniquenessKey());
        final var counted = ctx.state().marker(uniqueKey);
        if (counted.isPresent()) {
            throw new RegistryException(
                    RegistryError.DOUBLE_COUNTING, "this activity is already certified as " + counted.get());
        }
        checkNoOverlap(ctx, claim);

        final BigDecimal quantity = new BigDecimal(claim.fixedValue());
        final long units = Serials.units(quantity, protocol.decimals());
        final String serial = Serials.serial(Serials.block(claim.periodEnd(), protocol.id(), claim.digest()), 1, units);
        final List<AttestedValue> attestations =
                ctx.state().scanRecords(Keys.ATTESTATION, AttestationRecord.class, claim.id()).stream()
                        .map(a -> new AttestedValue(a.verifier(), a.value(), a.digestSRI()))
                        .toList();
        final CertificateRecord certificate = new CertificateRecord(
                serial,
                claim.id(),
                claim.digestSRI(),
                claim.protocol(),
                claim.protocolDigest(),
                claim.category(),
                claim.unit(),
                claim.fixedValue(),
                1,
                units,
                claim.proofLevel(),
                claim.periodStart(),
                claim.periodEnd(),
                claim.owner(),
                claim.owner(),
                claim.organisation(),
                signed.signer(),
                attestations,
                nextStatusIndex(ctx),
                CertificateStatus.ISSUED,
                null,
                null,
                ctx.nowText(),
                ctx.nowText(),
                null,
                List.of(),
                null);
        ctx.state().put(State.key(Keys.CERTIFICATE, serial), certificate);
        ctx.state().mark(State.key(Keys.HOLDING, certificate.holder(), serial), "");
        Movements.record(
                ctx,
                new Movement(
                        serial,
                        "issued",
                        signed.signer(),
                        null,
                        certificate.holder(),
                        certificate.quantity(),
                        List.of(),
                        claim.id(),
                        ctx.nowText(),
                        ctx.getStub().getTxId()));
        ctx.state().mark(uniqueKey, serial);
        ctx.state()
                .mark(
                        State.key(
                                Keys.ASSET, claim.assetKey(), claim.category(), claim.periodStart(), claim.periodEnd()),
                        serial);
        ClaimContract.save(ctx, claim, claim.certified(serial, ctx.nowText()));
        return certificate;
    }

    /**
     * Attaches the certificate credential (transient field {@code certificate}), signed by the
     * certificate's validator and stating exactly what the ledger recorded: the certificate is ACTIVE.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "AttachCredential")
    public String attachCredential(final RegistryContext ctx, final String serial) {
        final CertificateRecord active = attachOne(
                ctx,
                serial,
                ctx.verifyCredentials(List.of(Transients.compact(ctx, TRANSIENT_CERTIFICATE)), CERTIFICATE_TYPE)
                        .get(0));
        ctx.emit("CertificateActivated", Map.of("serial", serial, "credential", active.credentialDigestSRI()));
        return LedgerJson.string(active);
    }

    /**
     * Attaches a batch of certificate credentials (transient field {@code certificates}, a JSON array);
     * each names its certificate by {@code credentialSubject.serial}. Atomic.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "AttachCredentials")
    public String attachCredentials(final RegistryContext ctx) {
        final List<String> compacts = Transients.compacts(ctx, TRANSIENT_CERTIFICATES);
        final List<RegistryContext.Verified> verified = ctx.verifyCredentials(compacts, CERTIFICATE_TYPE);
        final List<CertificateRecord> out = new ArrayList<>();
        for (int i = 0; i < compacts.size(); i++) {
            try {
                out.add(attachOne(ctx, serialOf(compacts.get(i)), verified.get(i)));
            } catch (RuntimeException e) {
                throw RegistryException.at("certificates[" + i + "]", e);
            }
        }
        ctx.emit(
                "CertificatesActivated",
                Map.of("serials", out.stream().map(CertificateRecord::serial).toList()));
        return LedgerJson.string(out);
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
            final RegistryContext ctx, final String serial, final RegistryContext.Verified verified) {
        final CertificateRecord certificate = find(ctx, serial);
        final SignedCredential signed = verified.get();
        if (!signed.credential().issuerId().equals(certificate.validator())) {
            throw new RegistryException(
                    RegistryError.FORBIDDEN, "the certificate credential must be issued by " + certificate.validator());
        }
        final ClaimRecord claim = ClaimContract.find(ctx, certificate.claim());
        CertificateCredentialCheck.check(
                signed.credential(), certificate, ClaimContract.protocolOf(ctx, claim), claim.evidence());
        final CertificateRecord active = certificate.withCredential(signed.digestSRI(), ctx.nowText());
        ctx.state().put(State.key(Keys.CERTIFICATE, serial), active);
        return active;
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Suspend")
    public String suspend(final RegistryContext ctx, final String instruction) {
        return changeStatus(ctx, instruction, SUSPEND, CertificateStatus.SUSPENDED);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Reinstate")
    public String reinstate(final RegistryContext ctx, final String instruction) {
        return changeStatus(ctx, instruction, REINSTATE, CertificateStatus.ACTIVE);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Revoke")
    public String revoke(final RegistryContext ctx, final String instruction) {
        return changeStatus(ctx, instruction, REVOKE, CertificateStatus.REVOKED);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Get")
    public String get(final RegistryContext ctx, final String serial) {
        return LedgerJson.string(find(ctx, serial));
    }

    /** The set bits of a status list ({@code revocation} or {@code suspension}, list number). */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "StatusBits")
    public String statusBits(final RegistryContext ctx, final String purpose, final String list) {
        final List<Long> bits = ctx.state().scan(Keys.STATUS_BIT, bytes -> "", purpose, list).stream()
                .map(e -> Long.parseLong(State.parts(e.getKey()).get(2)))
                .toList();
        return LedgerJson.string(bits);
    }

    public static CertificateRecord find(final RegistryContext ctx, final String serial) {
        return ctx.state()
                .get(State.key(Keys.CERTIFICATE, serial), CertificateRecord.class)
                .orElseThrow(() -> new RegistryException(RegistryError.CERTIFICATE_NOT_FOUND, serial));
    }

    private String changeStatus(
            final RegistryContext ctx, final String instruction, final String action, final CertificateStatus target) {
        final Instruction signed = ctx.instruction(instruction, action);
        final CertificateRecord certificate = find(ctx, signed.text("serial"));
        final PublishedProtocol protocol = ClaimContract.protocolOf(ctx, ClaimContract.find(ctx, certificate.claim()));
        requireValidator(ctx, signed.signer(), protocol);
        final String reason = signed.text("reason");
        final CertificateRecord changed = certificate.withStatus(target, reason, ctx.nowText());
        ctx.state().put(State.key(Keys.CERTIFICATE, certificate.serial()), changed);
        cascade(ctx, certificate, target, reason);
        final String list = Long.toString(StatusLists.list(certificate.statusIndex()));
        final String index = Long.toString(StatusLists.index(certificate.statusIndex()));
        switch (target) {
            case SUSPENDED ->
                ctx.state().mark(State.key(Keys.STATUS_BIT, SUSPENSION, list, index), certificate.serial());
            case ACTIVE -> ctx.state().delete(State.key(Keys.STATUS_BIT, SUSPENSION, list, index));
            case REVOKED -> ctx.state().mark(State.key(Keys.STATUS_BIT, REVOCATION, list, index), certificate.serial());
            default -> throw new IllegalStateException("no status bit for " + target);
        }
        Movements.record(
                ctx,
                new Movement(
                        certificate.serial(),
                        target.name().toLowerCase(java.util.Locale.ROOT),
                        signed.signer(),
                        null,
                        null,
                        null,
                        certificate.lots(),
                        reason,
                        ctx.nowText(),
                        ctx.getStub().getTxId()));
        ctx.emit(
                "CertificateStatusChanged",
                Map.of("serial", certificate.serial(), "status", target.name(), "reason", reason));
        return LedgerJson.string(changed);
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
            final CertificateRecord lot = find(ctx, serial);
            final boolean applies = switch (target) {
                case REVOKED -> lot.status() != CertificateStatus.REVOKED;
                case SUSPENDED -> lot.status() == CertificateStatus.ACTIVE;
                case ACTIVE -> lot.status() == CertificateStatus.SUSPENDED;
                default -> false;
            };
            if (applies) {
                ctx.state().put(State.key(Keys.CERTIFICATE, serial), lot.withStatus(target, reason, ctx.nowText()));
            }
            cascade(ctx, lot, target, reason);
        }
    }

    private static void requireValidator(
            final RegistryContext ctx, final String did, final PublishedProtocol protocol) {
        ctx.acting(did, Role.VALIDATOR);
        if (!protocol.validators().contains(did)) {
            throw new RegistryException(
                    RegistryError.VALIDATOR_NOT_DESIGNATED, did + " does not validate " + protocol.ref());
        }
    }

    private static void checkNoOverlap(final RegistryContext ctx, final ClaimRecord claim) {
        final LocalDate start = LocalDate.parse(claim.periodStart());
        final LocalDate end = LocalDate.parse(claim.periodEnd());
        for (final var entry : ctx.state()
                .scan(
                        Keys.ASSET,
                        bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
                        claim.assetKey(),
                        claim.category())) {
            final List<String> parts = State.parts(entry.getKey());
            final LocalDate otherStart = LocalDate.parse(parts.get(2));
            final LocalDate otherEnd = LocalDate.parse(parts.get(3));
            if (!start.isAfter(otherEnd) && !otherStart.isAfter(end)) {
                throw new RegistryException(
                        RegistryError.PERIOD_OVERLAP,
                        claim.periodStart() + "/" + claim.periodEnd() + " overlaps " + entry.getValue() + " ("
                                + parts.get(2) + "/" + parts.get(3) + ")");
            }
        }
    }

    private static long nextStatusIndex(final RegistryContext ctx) {
        final String key = State.key(Keys.COUNTER, "statusIndex");
        final long next = ctx.state().marker(key).map(Long::parseLong).orElse(0L);
        ctx.state().mark(key, Long.toString(next + 1));
        return next;
    }
}
