package io.impactproof.chaincode.claim;

import io.impactproof.chaincode.core.Instruction;
import io.impactproof.chaincode.core.Keys;
import io.impactproof.chaincode.core.LedgerJson;
import io.impactproof.chaincode.core.RegistryContext;
import io.impactproof.chaincode.core.RegistryError;
import io.impactproof.chaincode.core.RegistryException;
import io.impactproof.chaincode.core.State;
import io.impactproof.chaincode.core.Transients;
import io.impactproof.chaincode.participant.Participant;
import io.impactproof.chaincode.participant.Role;
import io.impactproof.chaincode.protocol.ProtocolRefs;
import io.impactproof.chaincode.protocol.PublishedProtocol;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.vc.VerifiableCredential;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.engine.Evaluation;
import io.impactproof.protocols.engine.RuleFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Claims: owners submit signed claim credentials (one or a batch per transaction, as transient
 * data); the chaincode verifies them against the ledger's keys, evaluates the data under the
 * protocol, derives the uniqueness key itself and records only digests and metadata. This class is
 * stateless and thread-safe.
 */
@Contract(name = "claims", info = @Info(title = "Claims", version = "1.0.0"))
public final class ClaimContract implements ContractInterface {
    public static final String CLAIM_TYPE = "ImpactClaimCredential";
    public static final String TRANSIENT_CLAIMS = "claims";
    public static final String REJECT = "claims.reject";

    @Override
    public RegistryContext createContext(final ChaincodeStub stub) {
        return new RegistryContext(stub);
    }

    /**
     * Submits the claims in transient field {@code claims} (a JSON array of compact vc+jwt). The batch
     * is atomic: one bad claim refuses the whole transaction, naming its index. A claim already on
     * the ledger with the same bytes is returned as it is (idempotent).
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Submit")
    public String submit(final RegistryContext ctx) {
        final List<String> compacts = Transients.compacts(ctx, TRANSIENT_CLAIMS);
        final List<RegistryContext.Verified> verified = ctx.verifyCredentials(compacts, CLAIM_TYPE);
        final List<ClaimRecord> out = new ArrayList<>(compacts.size());
        for (int i = 0; i < compacts.size(); i++) {
            try {
                out.add(submitOne(ctx, verified.get(i).get()));
            } catch (RuntimeException e) {
                throw RegistryException.at("claims[" + i + "]", e);
            }
        }
        ctx.emit(
                "ClaimsSubmitted",
                Map.of(
                        "claims",
                        out.stream()
                                .map(c -> Map.of(
                                        "id", c.id(), "status", c.status().name()))
                                .toList()));
        return LedgerJson.string(out);
    }

    private ClaimRecord submitOne(final RegistryContext ctx, final SignedCredential signed) {
        final VerifiableCredential vc = signed.credential();
        final Participant owner = ctx.acting(vc.issuerId(), Role.OWNER);
        ctx.requireOwnOrganisation(owner);
        final String id = vc.id()
                .orElseThrow(
                        () -> new RegistryException(RegistryError.ARGUMENT_INVALID, "a claim credential needs an id"));
        final String key = State.key(Keys.CLAIM, id);
        final var existing = ctx.state().get(key, ClaimRecord.class);
        if (existing.isPresent()) {
            if (existing.get().digest().equals(signed.sha256Hex())) {
                return existing.get();
            }
            throw new RegistryException(RegistryError.CLAIM_ID_CONFLICT, id);
        }
        final ObjectNode subject = vc.subject();
        final PublishedProtocol protocol =
                ProtocolRefs.byUrn(ctx, subject.path("protocol").path("id").stringValue(null));
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
        final Evaluation evaluation;
        try {
            evaluation = ProtocolRefs.compiled(protocol).evaluate(data);
        } catch (ProtocolException e) {
            throw RegistryException.of(e);
        }
        if (!evaluation.eligible()) {
            throw new RegistryException(
                    RegistryError.CLAIM_INELIGIBLE,
                    evaluation.failures().stream().map(RuleFailure::ruleId).collect(Collectors.joining(", ")));
        }
        final var certified = ctx.state().marker(State.key(Keys.UNIQUE, evaluation.uniquenessKey()));
        if (certified.isPresent()) {
            throw new RegistryException(
                    RegistryError.DOUBLE_COUNTING, "this activity is already certified as " + certified.get());
        }
        final List<String> evidence = new ArrayList<>();
        vc.evidence().forEach(item -> {
            final String sri = item.path("digestSRI").stringValue(null);
            if (sri != null) {
                evidence.add(sri);
            }
        });
        final ClaimRecord record = new ClaimRecord(
                id,
                signed.sha256Hex(),
                signed.digestSRI(),
                owner.did(),
                owner.organisation(),
                protocol.ref(),
                protocol.digest(),
                evaluation.category(),
                evaluation.unit(),
                evaluation.uniquenessKey(),
                evaluation.assetKey(),
                evaluation.periodStart().toString(),
                evaluation.periodEnd().toString(),
                evaluation.impact().orElseThrow().toPlainString(),
                evaluation.proofLevel().label(),
                evidence,
                ClaimStatus.SUBMITTED,
                0,
                null,
                null,
                null,
                null,
                ctx.nowText(),
                ctx.nowText());
        save(ctx, null, record);
        protocol.verifiers().forEach(verifier -> ctx.state().mark(State.key(Keys.TODO, verifier, id), ""));
        return record;
    }

    /** Rejects a claim (the way out of a dispute); signed by one of the protocol's validators. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Reject")
    public String reject(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.instruction(instruction, REJECT);
        final ClaimRecord claim = find(ctx, signed.text("claim"));
        final PublishedProtocol protocol = protocolOf(ctx, claim);
        ctx.acting(signed.signer(), Role.VALIDATOR);
        if (!protocol.validators().contains(signed.signer())) {
            throw new RegistryException(RegistryError.VALIDATOR_NOT_DESIGNATED, signed.signer());
        }
        final ClaimRecord rejected = claim.rejected(signed.text("reason"), ctx.nowText());
        save(ctx, claim, rejected);
        protocol.verifiers().forEach(verifier -> ctx.state().delete(State.key(Keys.TODO, verifier, claim.id())));
        ctx.emit("ClaimRejected", Map.of("id", claim.id(), "reason", rejected.reason()));
        return LedgerJson.string(rejected);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Get")
    public String get(final RegistryContext ctx, final String id) {
        return LedgerJson.string(find(ctx, id));
    }

    /** The claims a verifier has yet to attest. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Awaiting")
    public String awaiting(final RegistryContext ctx, final String verifierDid) {
        final List<ClaimRecord> out = new ArrayList<>();
        for (final var entry : ctx.state().scan(Keys.TODO, bytes -> "", verifierDid)) {
            out.add(find(ctx, State.parts(entry.getKey()).get(1)));
        }
        return LedgerJson.string(out);
    }

    /** Writes a claim record and keeps the by-status index in step; {@code previous} is null for a new claim. */
    public static void save(final RegistryContext ctx, final ClaimRecord previous, final ClaimRecord updated) {
        ctx.state().put(State.key(Keys.CLAIM, updated.id()), updated);
        if (previous == null || previous.status() != updated.status()) {
            if (previous != null) {
                ctx.state()
                        .delete(State.key(Keys.CLAIM_STATUS, previous.status().name(), previous.id()));
            }
            ctx.state().mark(State.key(Keys.CLAIM_STATUS, updated.status().name(), updated.id()), "");
        }
    }

    /** The claims with a status, e.g. the VERIFIED ones awaiting their validator. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "ByStatus")
    public String byStatus(final RegistryContext ctx, final String status) {
        final List<ClaimRecord> out = new ArrayList<>();
        for (final var entry : ctx.state().scan(Keys.CLAIM_STATUS, bytes -> "", status)) {
            out.add(find(ctx, State.parts(entry.getKey()).get(1)));
        }
        return LedgerJson.string(out);
    }

    public static ClaimRecord find(final RegistryContext ctx, final String id) {
        return ctx.state()
                .get(State.key(Keys.CLAIM, id), ClaimRecord.class)
                .orElseThrow(() -> new RegistryException(RegistryError.CLAIM_NOT_FOUND, id));
    }

    public static PublishedProtocol protocolOf(final RegistryContext ctx, final ClaimRecord claim) {
        final int at = claim.protocol().lastIndexOf('@');
        return ProtocolRefs.find(
                ctx, claim.protocol().substring(0, at), claim.protocol().substring(at + 1));
    }
}
