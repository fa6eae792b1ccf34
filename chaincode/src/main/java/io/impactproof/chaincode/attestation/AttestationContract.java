package io.impactproof.chaincode.attestation;

import io.impactproof.chaincode.context.RegistryContext;
import io.impactproof.chaincode.context.RegistryContract;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.Signatures;
import io.impactproof.chaincode.context.Texts;
import io.impactproof.chaincode.context.Transients;
import io.impactproof.chaincode.context.Transitions;
import io.impactproof.chaincode.protocol.Protocols;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.vc.VerifiableCredential;
import io.impactproof.model.Bounds;
import io.impactproof.model.CredentialTypes;
import io.impactproof.model.LedgerJson;
import io.impactproof.model.RegistryError;
import io.impactproof.model.Transactions;
import io.impactproof.model.attestation.AttestationRecord;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.claim.ClaimStatus;
import io.impactproof.model.participant.Role;
import io.impactproof.model.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.engine.Consensus;
import io.impactproof.protocols.engine.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import tools.jackson.databind.node.ObjectNode;

/**
 * Attestations: each designated verifier signs one attestation credential per claim with its value.
 * Once the quorum of attestations is in, the claim is VERIFIED when at least the quorum of values
 * agree within the protocol's tolerance of their median (the value fixed by the rule over them),
 * DISPUTED otherwise. Every later attestation re-decides over all values: further designated
 * verifiers outvote an outlier, which is one way out of a dispute; the other is the validator's
 * rejection. This class is stateless and thread-safe.
 */
@Contract(name = "attestations", info = @Info(title = "Attestations", version = "1.0.0"))
public final class AttestationContract extends RegistryContract {

    /** Records the attestations in transient field {@code attestations} (atomic batch). */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Submit")
    public String submit(final RegistryContext ctx) {
        final List<String> compacts = Transients.compacts(ctx, Transactions.TRANSIENT_ATTESTATIONS);
        final Map<String, ClaimRecord> decided = new LinkedHashMap<>();
        final List<Signatures.Verified> verified = ctx.signatures().credentials(compacts, CredentialTypes.ATTESTATION);
        final List<AttestationRecord> out = new ArrayList<>();
        for (int i = 0; i < compacts.size(); i++) {
            try {
                final AttestationRecord record = submitOne(ctx, verified.get(i).get());
                out.add(record);
                decided.put(record.claim(), ctx.claims().find(record.claim()));
            } catch (RuntimeException e) {
                throw RegistryException.at("attestations[" + i + "]", e);
            }
        }
        ctx.events()
                .emit(
                        "AttestationsRecorded",
                        Map.of(
                                "claims",
                                decided.values().stream()
                                        .map(c -> Map.of(
                                                "id",
                                                c.id(),
                                                "status",
                                                c.status().name(),
                                                "attestations",
                                                c.attestations()))
                                        .toList()));
        return LedgerJson.string(out);
    }

    private AttestationRecord submitOne(final RegistryContext ctx, final SignedCredential signed) {
        final VerifiableCredential vc = signed.credential();
        final String verifier = vc.issuerId();
        final ObjectNode subject = vc.subject();
        final ClaimRecord claim = ctx.claims().find(subject.path("id").stringValue(""));
        final PublishedProtocol protocol = ctx.claims().protocolOf(claim);
        ctx.authorisation().designated(verifier, Role.VERIFIER, protocol.verifiers(), protocol.ref());
        if (!claim.status().open()) {
            throw new RegistryException(
                    RegistryError.CLAIM_STATE_INVALID, "claim " + claim.id() + " is " + claim.status());
        }
        if (ctx.attestations().exists(claim.id(), verifier)) {
            throw new RegistryException(RegistryError.ATTESTATION_EXISTS, verifier + " already attested " + claim.id());
        }
        if (!claim.digestSRI()
                .equals(subject.path("attestedClaim").path("digestSRI").stringValue(null))) {
            throw new RegistryException(
                    RegistryError.CLAIM_DIGEST_MISMATCH,
                    "the attestation does not pin claim " + claim.id() + " as recorded");
        }
        final String outcome = subject.path("outcome").stringValue("Verified");
        final BigDecimal value = value(subject, claim, protocol, outcome);
        final AttestationRecord record = new AttestationRecord(
                vc.id()
                        .map(id -> Texts.bounded("the attestation id", id, Bounds.IDENTIFIER))
                        .orElse(null),
                claim.id(),
                verifier,
                value.toPlainString(),
                outcome,
                signed.sha256Hex(),
                signed.digestSRI(),
                ctx.nowText());
        ctx.attestations().put(record);
        ctx.claims().doneByVerifier(verifier, claim.id());
        decide(ctx, claim, protocol);
        return record;
    }

    private static BigDecimal value(
            final ObjectNode subject, final ClaimRecord claim, final PublishedProtocol protocol, final String outcome) {
        if ("Rejected".equals(outcome)) {
            return BigDecimal.ZERO.setScale(protocol.decimals());
        }
        if (!"Verified".equals(outcome)) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "outcome is Verified or Rejected, got " + outcome);
        }
        final var stated = subject.path("verifiedImpact");
        final var impact = stated.isArray() ? stated.path(0) : stated;
        // The claim's unit: a multi-criteria protocol's records each have their criterion's.
        if (!claim.unit().equals(impact.path("unit").stringValue(null))) {
            throw new RegistryException(
                    RegistryError.UNIT_MISMATCH, "expected " + claim.unit() + ", got " + impact.path("unit"));
        }
        final BigDecimal value;
        try {
            value = Decimals.parse(impact.path("value").stringValue(null), protocol.decimals());
        } catch (ProtocolException e) {
            throw RegistryException.of(e);
        }
        // An impact is positive by the protocol's own rule; a verifier who finds none rejects the claim.
        if (value.signum() <= 0 || value.compareTo(MAX_VALUE) > 0) {
            throw new RegistryException(
                    RegistryError.VALUE_OUT_OF_RANGE,
                    "a Verified value is greater than 0 and at most 10^15, got " + value.toPlainString()
                            + " (a verifier who finds no impact attests Rejected)");
        }
        return value;
    }

    private static final BigDecimal MAX_VALUE = BigDecimal.TEN.pow(15);

    private static void decide(final RegistryContext ctx, final ClaimRecord claim, final PublishedProtocol protocol) {
        // Below the quorum only the count changes, and the claim record keeps it (this contract alone
        // adds attestations, one at a time, each counted): the claim's attestations are read back
        // only when there is something to decide (that read cost a third of an attestation's work).
        final int count = claim.attestations() + 1;
        if (count < protocol.quorum()) {
            ctx.claims()
                    .save(
                            claim,
                            claim.toBuilder()
                                    .attestations(count)
                                    .updatedAt(ctx.nowText())
                                    .build());
            return;
        }
        final List<AttestationRecord> all = ctx.attestations().of(claim.id());
        final List<BigDecimal> values =
                all.stream().map(a -> new BigDecimal(a.value())).toList();
        final Consensus consensus = Consensus.decide(
                values,
                Protocols.tolerance(protocol),
                Protocols.valueRule(protocol),
                protocol.quorum(),
                protocol.decimals());
        final ClaimStatus next =
                consensus.agree() && consensus.value().signum() > 0 ? ClaimStatus.VERIFIED : ClaimStatus.DISPUTED;
        ctx.claims()
                .save(
                        claim,
                        claim.toBuilder()
                                .status(Transitions.claim(claim.status(), next))
                                .attestations(all.size())
                                .fixedValue(
                                        next == ClaimStatus.VERIFIED
                                                ? consensus.value().toPlainString()
                                                : null)
                                .spread(consensus.spread().toPlainString())
                                .updatedAt(ctx.nowText())
                                .build());
    }

    /** The attestations of a claim. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "List")
    public String list(final RegistryContext ctx, final String claimId) {
        return LedgerJson.string(ctx.attestations().of(claimId));
    }
}
