package io.impactproof.gateway.agents;

import io.impactproof.chaincode.attestation.AttestationRecord;
import io.impactproof.chaincode.certificate.CertificateContract;
import io.impactproof.chaincode.certificate.CertificateRecord;
import io.impactproof.chaincode.protocol.PublishedProtocol;
import io.impactproof.client.Instructions;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.gateway.ledger.Registry;
import io.impactproof.gateway.store.ContentStore;
import io.impactproof.gateway.store.Credentials;
import java.time.Clock;
import java.util.ArrayList;
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
    private final Registry registry;
    private final ContentStore store;
    private final String baseUrl;
    private final Clock clock;

    public ValidatorAgent(
            final SigningKey key,
            final Registry registry,
            final ContentStore store,
            final String baseUrl,
            final Clock clock) {
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
        final ObjectNode args = Json.object();
        final var ids = args.putArray("claims");
        claimIds.forEach(ids::add);
        final List<CertificateRecord> issued =
                registry.issue(Instructions.sign(key, CertificateContract.ISSUE, args, clock.instant()));
        final List<SignedCredential> credentials = new ArrayList<>();
        for (final CertificateRecord record : issued) {
            final PublishedProtocol protocol = registry.protocol(record.protocol());
            final Map<String, String> hexBySri = registry.attestations(record.claim()).stream()
                    .collect(Collectors.toMap(AttestationRecord::digestSRI, AttestationRecord::digest, (a, b) -> a));
            final String claimHex = registry.claim(record.claim()).digest();
            final var vc = io.impactproof.client.Credentials.certificate(
                    record,
                    protocol,
                    baseUrl,
                    baseUrl + "/artifacts/sha256/" + claimHex,
                    record.attestations().stream()
                            .map(a -> baseUrl + "/artifacts/sha256/" + hexBySri.get(a.digestSRI()))
                            .toList(),
                    Credentials.read(store, claimHex).credential().evidence(),
                    clock.instant());
            final SignedCredential signed = VcJwt.sign(vc, key, clock.instant());
            Credentials.store(store, signed);
            credentials.add(signed);
        }
        return issued.isEmpty() ? List.of() : registry.attach(credentials);
    }
}
