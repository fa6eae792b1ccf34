package io.impactproof.gateway.agents;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.gateway.boavizta.Recomputation;
import io.impactproof.gateway.footprint.CpuMeter;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolCache;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.engine.CompiledProtocol;
import io.impactproof.protocols.engine.Evaluation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An automated verifier: recomputes a claim record's value from the claim data with the protocol
 * engine, checks eligibility and the proof level, and signs an attestation. For a protocol whose
 * figures come from a reference implementation ({@code verification.reference}: BoaviztAPI), it
 * first recomputes those figures from the claim's configuration and attests Rejected when the
 * owner's differ from them beyond the tolerance — the claim then goes to dispute like any other.
 * {@code skew} multiplies the value it finds (1 for an honest agent), to inject disagreement in
 * tests and the demo. Thread-safe.
 */
public final class VerifierAgent {
    private final SigningKey key;
    private final ContentStore store;
    private final String baseUrl;
    private final Clock clock;
    private final Recomputation recomputation;
    private final CpuMeter meter;
    private volatile BigDecimal skew = BigDecimal.ONE;

    public VerifierAgent(
            final SigningKey key,
            final ContentStore store,
            final String baseUrl,
            final Clock clock,
            final Recomputation recomputation,
            final CpuMeter meter) {
        this.meter = meter;
        this.key = key;
        this.store = store;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.recomputation = recomputation;
    }

    public String did() {
        return key.did();
    }

    public SigningKey key() {
        return key;
    }

    public void skew(final BigDecimal factor) {
        this.skew = factor;
    }

    /**
     * The signed attestation of a claim record on the ledger (not yet recorded itself).
     *
     * @throws io.impactproof.gateway.boavizta.BoaviztaException when the reference implementation
     *     cannot be asked: nothing is attested, the agent tries again on its next sweep
     */
    public SignedCredential attest(final ClaimRecord claim, final PublishedProtocol protocol) {
        return meter.measure(CpuMeter.SIGN_ATTESTATION, () -> attestOnce(claim, protocol), a -> 1);
    }

    private SignedCredential attestOnce(final ClaimRecord claim, final PublishedProtocol protocol) {
        final SignedCredential signedClaim = StoredCredentials.read(store, claim.digest());
        final CompiledProtocol compiled = ProtocolCache.compiled(protocol.digest(), protocol.definition());
        JsonNode data = signedClaim.credential().subject().get("data");
        String outcome = "Verified";
        ObjectNode computation = null;
        if (compiled.protocol().verification().reference() != null) {
            final Recomputation.Result reference = recomputation.recompute(claim.digest(), compiled, data);
            data = reference.referenceData();
            computation = reference.computation().deepCopy();
            if (!reference.mismatches().isEmpty()) {
                outcome = "Rejected";
                computation
                        .putArray("mismatches")
                        .addAll(reference.mismatches().stream()
                                .map(tools.jackson.databind.node.StringNode::valueOf)
                                .toList());
            }
        }
        BigDecimal value;
        try {
            final Evaluation evaluation = compiled.evaluate(data);
            value = evaluation.value(claim.category()).orElse(BigDecimal.ZERO);
            if (!evaluation.eligible()) {
                outcome = "Rejected";
            }
        } catch (ProtocolException e) {
            outcome = "Rejected";
            value = BigDecimal.ZERO;
        }
        if ("Rejected".equals(outcome)) {
            value = BigDecimal.ZERO;
        }
        value = value.multiply(skew).setScale(protocol.decimals(), RoundingMode.HALF_EVEN);
        final var vc = ImpactCredentials.attestation(
                "urn:uuid:" + UUID.randomUUID(),
                key.did(),
                signedClaim,
                baseUrl + "/artifacts/sha256/" + claim.digest(),
                protocol,
                new ImpactCredentials.Attested(claim.id(), claim.unit(), value.toPlainString(), outcome, computation),
                clock.instant());
        return VcJwt.sign(vc, key, clock.instant());
    }
}
