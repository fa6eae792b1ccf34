package io.impactproof.gateway.agents;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolCache;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.engine.Evaluation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.UUID;

/**
 * An automated verifier: recomputes a claim's value from its data with the protocol engine, checks
 * eligibility and the proof level, and signs an attestation. {@code skew} multiplies the value it
 * finds (1 for an honest agent), to inject disagreement in tests and the demo. Thread-safe.
 */
public final class VerifierAgent {
    private final SigningKey key;
    private final ContentStore store;
    private final String baseUrl;
    private final Clock clock;
    private volatile BigDecimal skew = BigDecimal.ONE;

    public VerifierAgent(final SigningKey key, final ContentStore store, final String baseUrl, final Clock clock) {
        this.key = key;
        this.store = store;
        this.baseUrl = baseUrl;
        this.clock = clock;
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

    /** The signed attestation of a claim recorded on the ledger (not yet recorded itself). */
    public SignedCredential attest(final ClaimRecord claim, final PublishedProtocol protocol) {
        final SignedCredential signedClaim = StoredCredentials.read(store, claim.digest());
        String outcome = "Verified";
        BigDecimal value;
        try {
            final Evaluation evaluation = ProtocolCache.compiled(protocol.digest(), protocol.definition())
                    .evaluate(signedClaim.credential().subject().get("data"));
            value = evaluation.impact().orElse(BigDecimal.ZERO);
            if (!evaluation.eligible()) {
                outcome = "Rejected";
            }
        } catch (ProtocolException e) {
            outcome = "Rejected";
            value = BigDecimal.ZERO;
        }
        value = value.multiply(skew).setScale(protocol.decimals(), RoundingMode.HALF_EVEN);
        final var vc = ImpactCredentials.attestation(
                "urn:uuid:" + UUID.randomUUID(),
                key.did(),
                signedClaim,
                baseUrl + "/artifacts/sha256/" + claim.digest(),
                protocol,
                value.toPlainString(),
                outcome,
                clock.instant());
        return VcJwt.sign(vc, key, clock.instant());
    }
}
