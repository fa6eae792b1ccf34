package io.impactproof.chaincode.attestation;

import io.impactproof.chaincode.claim.ClaimContract;
import io.impactproof.chaincode.claim.ClaimRecord;
import io.impactproof.chaincode.claim.ClaimStatus;
import io.impactproof.chaincode.core.Keys;
import io.impactproof.chaincode.core.LedgerJson;
import io.impactproof.chaincode.core.RegistryContext;
import io.impactproof.chaincode.core.RegistryError;
import io.impactproof.chaincode.core.RegistryException;
import io.impactproof.chaincode.core.State;
import io.impactproof.chaincode.core.Transients;
import io.impactproof.chaincode.participant.Role;
import io.impactproof.chaincode.protocol.ProtocolRefs;
import io.impactproof.chaincode.protocol.PublishedProtocol;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.vc.VerifiableCredential;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.engine.Consensus;
import io.impactproof.protocols.engine.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;
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
public final class AttestationContract implements ContractInterface {
    public static final String ATTESTATION_TYPE = "ImpactAttestationCredential";
    public static final String TRANSIENT_ATTESTATIONS = "attestations";

    @Override
    public RegistryContext createContext(final ChaincodeStub stub) {
        return new RegistryContext(stub);
    }

    /** Records the attestations in transient field {@code attestations} (atomic batch). */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Submit")
    public String submit(final RegistryContext ctx) {
        final List<String> compacts = Transients.compacts(ctx, TRANSIENT_ATTESTATIONS);
        final Map<String, ClaimRecord> decided = new LinkedHashMap<>();
        final List<RegistryContext.Verified> verified = ctx.verifyCredentials(compacts, ATTESTATION_TYPE);
        final List<AttestationRecord> out = new ArrayList<>();
        for (int i = 0; i < compacts.size(); i++) {
            try {
                final AttestationRecord record = submitOne(ctx, verified.get(i).get());
                out.add(record);
                decided.put(record.claim(), ClaimContract.find(ctx, record.claim()));
            } catch (RuntimeException e) {
                throw RegistryException.at("attestations[" + i + "]", e);
            }
        }
        ctx.emit(
                "AttestationsRecorded",
                Map.of(
                        "claims",
                        decided.values().stream()
                                .map(c -> Map.of(
                                        "id", c.id(), "status", c.status().name(), "attestations", c.attestations()))
                                .toList()));
        return LedgerJson.string(out);
    }

    private AttestationRecord submitOne(final RegistryContext ctx, final SignedCredential signed) {
        final VerifiableCredential vc = signed.credential();
        final String verifier = vc.issuerId();
        ctx.acting(verifier, Role.VERIFIER);
        final ObjectNode subject = vc.subject();
        final ClaimRecord claim = ClaimContract.find(ctx, subject.path("id").stringValue(""));
        final PublishedProtocol protocol = ClaimContract.protocolOf(ctx, claim);
        if (!protocol.verifiers().contains(verifier)) {
            throw new RegistryException(
                    RegistryError.VERIFIER_NOT_DESIGNATED, verifier + " does not verify " + protocol.ref());
        }
        if (!claim.status().open()) {
            throw new RegistryException(
                    RegistryError.CLAIM_STATE_INVALID, "claim " + claim.id() + " is " + claim.status());
        }
        final String key = State.key(Keys.ATTESTATION, claim.id(), verifier);
        if (ctx.state().exists(key)) {
            throw new RegistryException(RegistryError.ATTESTATION_EXISTS, verifier + " already attested " + claim.id());
        }
        if (!claim.digestSRI()
                .equals(subject.path("attestedClaim").path("digestSRI").stringValue(null))) {
            throw new RegistryException(
                    RegistryError.CLAIM_DIGEST_MISMATCH,
                    "the attestation does not pin claim " + claim.id() + " as recorded");
        }
        final String outcome = subject.path("outcome").stringValue("Verified");
        final BigDecimal value = value(subject, protocol, outcome);
        final AttestationRecord record = new AttestationRecord(
                vc.id().orElse(null),
                claim.id(),
                verifier,
                value.toPlainString(),
                outcome,
                signed.sha256Hex(),
                signed.digestSRI(),
                ctx.nowText());
        ctx.state().put(key, record);
        ctx.state().delete(State.key(Keys.TODO, verifier, claim.id()));
        decide(ctx, claim, protocol);
        return record;
    }

    private static BigDecimal value(final ObjectNode subject, final PublishedProtocol protocol, final String outcome) {
        if ("Rejected".equals(outcome)) {
            return BigDecimal.ZERO.setScale(protocol.decimals());
        }
        if (!"Verified".equals(outcome)) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, "outcome is Verified or Rejected, got " + outcome);
        }
        final var stated = subject.path("verifiedImpact");
        final var impact = stated.isArray() ? stated.path(0) : stated;
        if (!protocol.unit().equals(impact.path("unit").stringValue(null))) {
            throw new RegistryException(
                    RegistryError.UNIT_MISMATCH, "expected " + protocol.unit() + ", got " + impact.path("unit"));
        }
        try {
            return Decimals.parse(impact.path("value").stringValue(null), protocol.decimals());
        } catch (ProtocolException e) {
            throw RegistryException.of(e);
        }
    }

    private static void decide(final RegistryContext ctx, final ClaimRecord claim, final PublishedProtocol protocol) {
        final List<AttestationRecord> all =
                ctx.state().scanRecords(Keys.ATTESTATION, AttestationRecord.class, claim.id());
        if (all.size() < protocol.quorum()) {
            ClaimContract.save(ctx, claim, claim.counted(all.size(), ctx.nowText()));
            return;
        }
        final List<BigDecimal> values =
                all.stream().map(a -> new BigDecimal(a.value())).toList();
        final Consensus consensus = Consensus.decide(
                values,
                ProtocolRefs.tolerance(protocol),
                ProtocolRefs.valueRule(protocol),
                protocol.quorum(),
                protocol.decimals());
        final ClaimStatus next =
                consensus.agree() && consensus.value().signum() > 0 ? ClaimStatus.VERIFIED : ClaimStatus.DISPUTED;
        ClaimContract.save(
                ctx,
                claim,
                claim.decided(
                        next,
                        all.size(),
                        next == ClaimStatus.VERIFIED ? consensus.value().toPlainString() : null,
                        consensus.spread().toPlainString(),
                        ctx.nowText()));
    }

    /** The attestations of a claim. */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "List")
    public String list(final RegistryContext ctx, final String claimId) {
        return LedgerJson.string(ctx.state().scanRecords(Keys.ATTESTATION, AttestationRecord.class, claimId));
    }
}
