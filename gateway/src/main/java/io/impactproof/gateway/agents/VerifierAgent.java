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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
     * What recomputing a signed claim found, the same for every verifier of a node: its evaluation
     * (null when the engine refused the data), whether the reference implementation disagreed, and
     * how the reference figures were computed. Each claim record (a criterion of a multi-criteria
     * claim is one) then takes its own category's value.
     */
    record Recomputed(
            SignedCredential signedClaim, Evaluation evaluation, boolean referenceRejected, ObjectNode computation) {
        String outcome() {
            return referenceRejected || evaluation == null || !evaluation.eligible() ? "Rejected" : "Verified";
        }

        BigDecimal value(final ClaimRecord claim) {
            return "Rejected".equals(outcome())
                    ? BigDecimal.ZERO
                    : evaluation.value(claim.category()).orElse(BigDecimal.ZERO);
        }
    }

    /**
     * The signed attestation of a claim record on the ledger (not yet recorded itself).
     *
     * @throws io.impactproof.gateway.boavizta.BoaviztaException when the reference implementation
     *     cannot be asked: nothing is attested, the agent tries again on its next sweep
     */
    public SignedCredential attest(final ClaimRecord claim, final PublishedProtocol protocol) {
        return attest(claim, protocol, new ConcurrentHashMap<>());
    }

    /**
     * {@link #attest}, reusing what another verifier of this node found for the same claim and
     * protocol: the node's automated verifiers run the same engine on the same bytes, so recomputing
     * once for all of them changes no outcome (verifiers that are to be independent run elsewhere,
     * each with its own process and key).
     */
    SignedCredential attest(
            final ClaimRecord claim, final PublishedProtocol protocol, final Map<String, Recomputed> shared) {
        return meter.measure(
                CpuMeter.SIGN_ATTESTATION,
                () -> {
                    final String key = claim.digest() + " " + protocol.digest();
                    Recomputed found = shared.get(key);
                    if (found == null) {
                        found = recompute(claim, protocol);
                        shared.put(key, found);
                    }
                    return sign(claim, protocol, found);
                },
                a -> 1);
    }

    private Recomputed recompute(final ClaimRecord claim, final PublishedProtocol protocol) {
        final SignedCredential signedClaim = StoredCredentials.read(store, claim.digest());
        final CompiledProtocol compiled = ProtocolCache.compiled(protocol.digest(), protocol.definition());
        JsonNode data = signedClaim.credential().subject().get("data");
        boolean referenceRejected = false;
        ObjectNode computation = null;
        if (compiled.protocol().verification().reference() != null) {
            final Recomputation.Result reference = recomputation.recompute(claim.digest(), compiled, data);
            data = reference.referenceData();
            computation = reference.computation().deepCopy();
            if (!reference.mismatches().isEmpty()) {
                referenceRejected = true;
                computation
                        .putArray("mismatches")
                        .addAll(reference.mismatches().stream()
                                .map(tools.jackson.databind.node.StringNode::valueOf)
                                .toList());
            }
        }
        Evaluation evaluation;
        try {
            evaluation = compiled.evaluate(data);
        } catch (ProtocolException e) {
            evaluation = null;
        }
        return new Recomputed(signedClaim, evaluation, referenceRejected, computation);
    }

    private SignedCredential sign(final ClaimRecord claim, final PublishedProtocol protocol, final Recomputed found) {
        final BigDecimal value =
                found.value(claim).multiply(skew).setScale(protocol.decimals(), RoundingMode.HALF_EVEN);
        final var vc = ImpactCredentials.attestation(
                "urn:uuid:" + UUID.randomUUID(),
                key.did(),
                found.signedClaim(),
                baseUrl + "/artifacts/sha256/" + claim.digest(),
                protocol,
                new ImpactCredentials.Attested(
                        claim.id(),
                        claim.unit(),
                        value.toPlainString(),
                        found.outcome(),
                        found.computation() == null ? null : found.computation().deepCopy()),
                clock.instant());
        return VcJwt.sign(vc, key, clock.instant());
    }
}
