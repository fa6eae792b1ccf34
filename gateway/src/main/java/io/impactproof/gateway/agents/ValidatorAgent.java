package io.impactproof.gateway.agents;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.Instructions;
import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.Parallel;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.gateway.footprint.CpuMeter;
import io.impactproof.model.Actions;
import io.impactproof.model.attestation.AttestationRecord;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolCache;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/**
 * An automated validator: issues the certificates of VERIFIED claims in one transaction, signs each
 * certificate credential (stating exactly what the ledger recorded) and attaches them in another.
 * Thread-safe.
 */
public final class ValidatorAgent {
    private final SigningKey key;
    private final RegistryClient registry;
    private final ContentStore store;
    private final String baseUrl;
    private final Clock clock;
    private final CpuMeter meter;

    public ValidatorAgent(
            final SigningKey key,
            final RegistryClient registry,
            final ContentStore store,
            final String baseUrl,
            final Clock clock,
            final CpuMeter meter) {
        this.meter = meter;
        this.key = key;
        this.registry = registry;
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

    /** Certifies the claims; returns the ACTIVE certificates with their signed credentials stored. */
    public List<CertificateRecord> certify(final Collection<String> claimIds) {
        return attach(issue(claimIds));
    }

    /** Issues the certificates of the claims (ISSUED, their credentials not yet attached). */
    public List<CertificateRecord> issue(final Collection<String> claimIds) {
        final ObjectNode args = Json.object();
        final var ids = args.putArray("claims");
        claimIds.forEach(ids::add);
        return registry.issue(Instructions.sign(key, Actions.ISSUE, args, clock.instant()));
    }

    /** Signs and attaches the credentials of certificates ISSUED by this validator; they become ACTIVE. */
    public List<CertificateRecord> attach(final List<CertificateRecord> issued) {
        return attach(issued, Map.of());
    }

    /**
     * {@link #attach(List)}, given the records of the certified claims already read (by id; the
     * ledger is asked for any other). The record's digest locates the stored claim; its status is not
     * used, so the one read before the certificate was issued serves.
     */
    public List<CertificateRecord> attach(final List<CertificateRecord> issued, final Map<String, ClaimRecord> claims) {
        if (issued.isEmpty()) {
            return List.of();
        }
        final Map<String, PublishedProtocol> protocols = new java.util.concurrent.ConcurrentHashMap<>();
        // Each credential is a few reads and a signature: signed on all cores, in the records' order.
        final List<SignedCredential> credentials = Parallel.map(
                issued,
                record -> meter.measure(
                        CpuMeter.SIGN_CERTIFICATE,
                        () -> credentialOf(
                                record,
                                protocols.computeIfAbsent(record.protocol(), registry::protocol),
                                claims.get(record.claim())),
                        c -> 1));
        return StoredCredentials.storedDuring(store, credentials, () -> registry.attach(credentials));
    }

    /**
     * How an algorithmic verifier that agreed on the certified value computed it (reference
     * implementation, version, request digests), from its signed attestation; null when the
     * verifiers did not use a reference implementation.
     */
    private ObjectNode computation(
            final CertificateRecord record, final PublishedProtocol protocol, final Map<String, String> hexBySri) {
        if (ProtocolCache.compiled(protocol.digest(), protocol.definition())
                        .protocol()
                        .verification()
                        .reference()
                == null) {
            return null; // no reference implementation: no verifier computed the value with one
        }
        for (final var attested : record.attestations()) {
            if (new java.math.BigDecimal(attested.value()).compareTo(new java.math.BigDecimal(record.quantity()))
                    != 0) {
                continue;
            }
            final String hex = hexBySri.get(attested.digestSRI());
            if (hex != null && store.contains(hex)) {
                final var computation = StoredCredentials.read(store, hex)
                        .credential()
                        .subject()
                        .get("computation");
                if (computation instanceof ObjectNode node) {
                    return node;
                }
            }
        }
        return null;
    }

    private SignedCredential credentialOf(
            final CertificateRecord record, final PublishedProtocol protocol, final ClaimRecord known) {
        final Map<String, String> hexBySri = registry.attestations(record.claim()).stream()
                .collect(Collectors.toMap(AttestationRecord::digestSRI, AttestationRecord::digest, (a, b) -> a));
        final ClaimRecord claim = known != null ? known : registry.claim(record.claim());
        final var vc = ImpactCredentials.certificate(
                record,
                protocol,
                baseUrl,
                baseUrl + "/artifacts/sha256/" + claim.digest(),
                record.attestations().stream()
                        .map(a -> baseUrl + "/artifacts/sha256/" + hexBySri.get(a.digestSRI()))
                        .toList(),
                StoredCredentials.read(store, claim.digest()).credential().evidence(),
                computation(record, protocol, hexBySri),
                clock.instant());
        return VcJwt.sign(vc, key, clock.instant());
    }
}
