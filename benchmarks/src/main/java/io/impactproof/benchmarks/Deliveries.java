package io.impactproof.benchmarks;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.model.protocol.PublishedProtocol;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** The claim every benchmark and the soak send: one cargo-bike delivery, signed by its owner. */
public final class Deliveries {
    private Deliveries() {}

    /** A signed claim of one delivery under cargo-bike-delivery (not sent); {@code tracking} makes it unique. */
    public static SignedCredential claim(
            final SigningKey owner,
            final PublishedProtocol protocol,
            final String tracking,
            final List<ImpactCredentials.Evidence> evidence) {
        final ObjectNode data = Json.object()
                .put("carrier_siren", "552100554")
                .put("tracking_id", tracking)
                .put("courier_id", "c7")
                .put("delivered_on", "2026-03-10")
                .put("zone", "rural")
                .put("mode", "cargo-bike")
                .put("parcels", 3)
                .put("distance_km", 12.5);
        return VcJwt.sign(
                ImpactCredentials.claim(
                        "urn:uuid:" + UUID.randomUUID(), owner.did(), protocol, data, evidence, Instant.now()),
                owner,
                Instant.now());
    }
}
