package io.impactproof.chaincode.claim;

import io.impactproof.chaincode.context.Instruction;
import io.impactproof.chaincode.context.Pages;
import io.impactproof.chaincode.context.RegistryContext;
import io.impactproof.chaincode.context.RegistryContract;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.Signatures;
import io.impactproof.chaincode.context.Texts;
import io.impactproof.chaincode.context.Transients;
import io.impactproof.chaincode.context.Transitions;
import io.impactproof.chaincode.protocol.Protocols;
import io.impactproof.credentials.Parallel;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.vc.VerifiableCredential;
import io.impactproof.model.Actions;
import io.impactproof.model.Bounds;
import io.impactproof.model.CredentialTypes;
import io.impactproof.model.LedgerJson;
import io.impactproof.model.RegistryError;
import io.impactproof.model.Transactions;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.claim.ClaimStatus;
import io.impactproof.model.participant.Participant;
import io.impactproof.model.participant.Role;
import io.impactproof.model.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.engine.CriterionValue;
import io.impactproof.protocols.engine.Evaluation;
import io.impactproof.protocols.engine.RuleFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Claims: owners submit signed claim credentials (one or a batch per transaction, as transient
 * data); the chaincode verifies them against the ledger's keys, evaluates the data under the
 * protocol, derives the uniqueness key itself and records only digests and metadata. This class is
 * stateless and thread-safe.
 */
@Contract(name = "claims", info = @Info(title = "Claims", version = "1.0.0"))
public final class ClaimContract extends RegistryContract {

    /**
     * Submits the claims in transient field {@code claims} (a JSON array of compact vc+jwt). The batch
     * is atomic: one bad claim refuses the whole transaction, naming its index. A claim already on
     * the ledger with the same bytes is returned as it is (idempotent).
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Submit")
    public String submit(final RegistryContext ctx) {
        final List<String> compacts = Transients.compacts(ctx, Transactions.TRANSIENT_CLAIMS);
        final List<Signatures.Verified> verified = ctx.signatures().credentials(compacts, CredentialTypes.CLAIM);
        final List<Evaluated> evaluated = evaluate(ctx, verified);
        final List<ClaimRecord> out = new ArrayList<>(compacts.size());
        for (int i = 0; i < compacts.size(); i++) {
            try {
                out.addAll(submitOne(ctx, verified.get(i).get(), evaluated.get(i)));
            } catch (RuntimeException e) {
                throw RegistryException.at("claims[" + i + "]", e);
            }
        }
        ctx.events()
                .emit(
                        "ClaimsSubmitted",
                        Map.of(
                                "claims",
                                out.stream()
                                        .map(c -> Map.of(
                                                "id",
                                                c.id(),
                                                "status",
                                                c.status().name()))
                                        .toList()));
        return LedgerJson.string(out);
    }

    /**
     * Records one claim credential: one record, or for a multi-criteria protocol one per criterion
     * (the first under the credential's id, the others under {@code <id>#<criterion>}), each with its
     * own category, value and uniqueness key, attested and certified on its own.
     */
    private List<ClaimRecord> submitOne(
            final RegistryContext ctx, final SignedCredential signed, final Evaluated evaluated) {
        final VerifiableCredential vc = signed.credential();
        final Participant owner = ctx.authorisation().acting(vc.issuerId(), Role.OWNER);
        ctx.authorisation().requireOwnOrganisation(owner);
        final String id = Texts.bounded(
                "the claim id",
                vc.id()
                        .orElseThrow(() -> new RegistryException(
                                RegistryError.ARGUMENT_INVALID, "a claim credential needs an id")),
                Bounds.IDENTIFIER);
        final var existing = ctx.claims().get(id);
        if (existing.isPresent()) {
            if (existing.get().digest().equals(signed.sha256Hex())) {
                return withCriteria(ctx, existing.get());
            }
            throw new RegistryException(RegistryError.CLAIM_ID_CONFLICT, id);
        }
        final ObjectNode subject = evaluated != null ? evaluated.subject() : vc.subject();
        final PublishedProtocol protocol =
                ctx.protocols().byUrn(subject.path("protocol").path("id").stringValue(null));
        if (!PublishedProtocol.ACTIVE.equals(protocol.status())) {
            throw new RegistryException(RegistryError.PROTOCOL_DEPRECATED, protocol.ref());
        }
        if (!protocol.digestSRI()
                .equals(subject.path("protocol").path("digestSRI").stringValue(null))) {
            throw new RegistryException(
                    RegistryError.PROTOCOL_DIGEST_MISMATCH,
                    "the claim does not pin " + protocol.ref() + " as published");
        }
        final JsonNode data = subject.get("data");
        if (data == null || !data.isObject()) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "credentialSubject.data must hold the claim data");
        }
        // Evaluated ahead under this very protocol record (the transaction's decoded copy), or now.
        final Evaluation evaluation = (evaluated != null && evaluated.protocol() == protocol
                        ? evaluated
                        : new Evaluated(subject, protocol, null, null).run())
                .evaluation();
        if (!evaluation.eligible()) {
            throw new RegistryException(
                    RegistryError.CLAIM_INELIGIBLE,
                    evaluation.failures().stream().map(RuleFailure::ruleId).collect(Collectors.joining(", ")));
        }
        final String person = consented(ctx, protocol, owner.did(), data);
        ctx.activities().requireNotCounted(evaluation.uniquenessKey());
        ctx.activities().claim(evaluation.uniquenessKey(), id);
        if (vc.evidence().size() > Bounds.EVIDENCE) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "a claim pins at most " + Bounds.EVIDENCE + " evidence items");
        }
        final List<String> evidence = new ArrayList<>();
        vc.evidence().forEach(item -> {
            final String sri = item.path("digestSRI").stringValue(null);
            if (sri != null) {
                evidence.add(sri);
            }
        });
        final ClaimRecord record = ClaimRecord.builder()
                .id(id)
                .digest(signed.sha256Hex())
                .digestSRI(signed.digestSRI())
                .owner(owner.did())
                .organisation(owner.organisation())
                .protocol(protocol.ref())
                .protocolDigest(protocol.digest())
                .category(evaluation.category())
                .unit(evaluation.unit())
                .uniquenessKey(evaluation.uniquenessKey())
                .assetKey(evaluation.assetKey())
                .periodStart(evaluation.periodStart().toString())
                .periodEnd(evaluation.periodEnd().toString())
                .claimedValue(evaluation.impact().orElseThrow().toPlainString())
                .proofLevel(evaluation.proofLevel().label())
                .evidence(evidence)
                .amounts(amounts(protocol, evaluation))
                .subject(person)
                .status(ClaimStatus.SUBMITTED)
                .submittedAt(ctx.nowText())
                .updatedAt(ctx.nowText())
                .build();
        final List<ClaimRecord> records = new ArrayList<>(List.of(record));
        for (final CriterionValue criterion : evaluation.criteria()) {
            final String criterionId = ClaimRecord.criterionId(id, criterion.id());
            if (ctx.claims().get(criterionId).isPresent()) {
                throw new RegistryException(RegistryError.CLAIM_ID_CONFLICT, criterionId);
            }
            ctx.activities().requireNotCounted(criterion.uniquenessKey());
            ctx.activities().claim(criterion.uniquenessKey(), criterionId);
            records.add(record.toBuilder()
                    .id(criterionId)
                    .category(criterion.category())
                    .unit(criterion.unit())
                    .uniquenessKey(criterion.uniquenessKey())
                    .claimedValue(criterion.value().toPlainString())
                    .build());
        }
        for (final ClaimRecord each : records) {
            ctx.claims().save(null, each);
            protocol.verifiers().forEach(verifier -> ctx.claims().awaitVerifier(verifier, each.id()));
        }
        return records;
    }

    /**
     * The batch's claim data evaluated under their protocols (schema, rules, formulas, uniqueness
     * key), in parallel on all cores as the signatures were: a pure function of the protocol and the
     * data, half of a claim's chaincode work. The protocols are read first, on this thread (the stub
     * is not shared between threads). Null for an item with no protocol or no data to evaluate
     * ({@link #submitOne} refuses it, in order, as before); an evaluation that fails is thrown where
     * {@link #submitOne} evaluates, so the batch fails at the same item with the same error.
     */
    private static List<Evaluated> evaluate(final RegistryContext ctx, final List<Signatures.Verified> verified) {
        final List<Evaluated> pending = new ArrayList<>(verified.size());
        for (final Signatures.Verified item : verified) {
            pending.add(item.failure() == null ? Evaluated.pending(ctx, item.credential()) : null);
        }
        return Parallel.map(pending, e -> e == null ? null : e.run());
    }

    /** A claim's subject, its protocol and its evaluation (or what refused it). */
    private record Evaluated(
            ObjectNode subject, PublishedProtocol protocol, Evaluation result, RuntimeException failure) {
        /** The evaluation still to run, or null where there is nothing to evaluate (no protocol, no data). */
        static Evaluated pending(final RegistryContext ctx, final SignedCredential signed) {
            final ObjectNode subject = signed.credential().subject();
            final PublishedProtocol protocol;
            try {
                protocol = ctx.protocols()
                        .byUrn(subject.path("protocol").path("id").stringValue(null));
            } catch (RuntimeException e) {
                return null;
            }
            // submitOne's own checks (status, pinned digest) still come first; an evaluation it
            // then does not use costs only time.
            return subject.path("data").isObject() ? new Evaluated(subject, protocol, null, null) : null;
        }

        /** This claim evaluated, on whichever thread; what refused it kept, not thrown. */
        Evaluated run() {
            try {
                return new Evaluated(
                        subject, protocol, Protocols.compiled(protocol).evaluate(subject.get("data")), null);
            } catch (RuntimeException e) {
                return new Evaluated(subject, protocol, null, e);
            }
        }

        /** The evaluation, or what refused it thrown as {@link #submitOne} always threw it. */
        Evaluation evaluation() {
            if (failure instanceof ProtocolException e) {
                throw RegistryException.of(e);
            }
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    /**
     * For a protocol about a person, the subject digest, after checking the person's consent for the
     * claim's month to this owner; null for any other protocol.
     */
    private static String consented(
            final RegistryContext ctx, final PublishedProtocol protocol, final String owner, final JsonNode data) {
        final var consent = Protocols.compiled(protocol).protocol().consent();
        if (consent == null) {
            return null;
        }
        final String subject = io.impactproof.model.consent.Subjects.digest(
                owner, data.path(consent.subject()).stringValue(""));
        ctx.consents().require(owner, subject, data.path(consent.month()).stringValue(""), ctx.now());
        return subject;
    }

    /** Currencies whose calculations are amounts a campaign may pay (a programme's bonus), kept on the record. */
    private static final java.util.Set<String> CURRENCIES = java.util.Set.of("EUR");

    private static Map<String, String> amounts(final PublishedProtocol protocol, final Evaluation evaluation) {
        final Map<String, String> out = new java.util.TreeMap<>();
        Protocols.compiled(protocol).protocol().calculations().stream()
                .filter(c -> CURRENCIES.contains(c.unit()))
                .forEach(c -> out.put(
                        c.name(),
                        evaluation
                                .calculations()
                                .get(c.name())
                                .setScale(2, java.math.RoundingMode.DOWN)
                                .toPlainString()));
        return out;
    }

    private static List<ClaimRecord> withCriteria(final RegistryContext ctx, final ClaimRecord first) {
        final List<ClaimRecord> records = new ArrayList<>(List.of(first));
        Protocols.compiled(ctx.claims().protocolOf(first))
                .protocol()
                .criteria()
                .forEach(c -> records.add(ctx.claims().find(ClaimRecord.criterionId(first.id(), c.id()))));
        return records;
    }

    /** Rejects a claim (the way out of a dispute); signed by one of the protocol's validators. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Reject")
    public String reject(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.REJECT);
        final ClaimRecord claim = ctx.claims().find(signed.text("claim", Bounds.IDENTIFIER));
        final PublishedProtocol protocol = ctx.claims().protocolOf(claim);
        ctx.authorisation().designated(signed.signer(), Role.VALIDATOR, protocol.validators(), protocol.ref());
        final ClaimRecord rejected = claim.toBuilder()
                .status(Transitions.claim(claim.status(), ClaimStatus.REJECTED))
                .reason(signed.text("reason", Bounds.REASON))
                .updatedAt(ctx.nowText())
                .build();
        ctx.claims().save(claim, rejected);
        ctx.activities().release(claim.uniquenessKey(), claim.id());
        protocol.verifiers().forEach(verifier -> ctx.claims().doneByVerifier(verifier, claim.id()));
        ctx.events().emit("ClaimRejected", Map.of("id", claim.id(), "reason", rejected.reason()));
        return LedgerJson.string(rejected);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Get")
    public String get(final RegistryContext ctx, final String id) {
        return LedgerJson.string(ctx.claims().find(id));
    }

    /**
     * A page of the claims a verifier has yet to attest: {@code {records, bookmark}}; pass the
     * bookmark back for the next page (empty: the first; returned empty: the last).
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Awaiting")
    public String awaiting(
            final RegistryContext ctx, final String verifierDid, final String pageSize, final String bookmark) {
        return Pages.json(ctx.claims().awaiting(verifierDid, Pages.size(pageSize), bookmark));
    }

    /** A page of the claims with a status, e.g. the VERIFIED ones awaiting their validator. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "ByStatus")
    public String byStatus(
            final RegistryContext ctx, final String status, final String pageSize, final String bookmark) {
        return Pages.json(ctx.claims().withStatus(status, Pages.size(pageSize), bookmark));
    }
}
