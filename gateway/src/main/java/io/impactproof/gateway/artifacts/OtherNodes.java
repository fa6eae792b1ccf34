package io.impactproof.gateway.artifacts;

import io.impactproof.credentials.digest.Digests;
import io.impactproof.gateway.system.GatewayProperties;
import io.impactproof.model.certificate.CertificateRecord;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The gateways of the other organisations on the same ledger ({@code impactproof.nodes.<MSP id>}).
 * A certificate's signed credential is kept by the node whose validator attached it; the ledger
 * holds its SHA-256. Asked for one it does not hold, this node fetches it from the certifying
 * organisation's node, keeps it only if its digest is the one on the ledger, and from then on
 * serves it itself. Nothing is trusted from the other node but bytes whose digest the ledger pins.
 */
@Component
public class OtherNodes {
    private static final Logger LOG = Logger.getLogger(OtherNodes.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, String> nodes;
    private final String ownOrganisation;
    private final ContentStore store;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Autowired
    public OtherNodes(final GatewayProperties properties, final ContentStore store) {
        this(properties.nodes(), properties.mspId(), store);
    }

    OtherNodes(final Map<String, String> nodes, final String ownOrganisation, final ContentStore store) {
        this.nodes = Map.copyOf(nodes);
        this.ownOrganisation = ownOrganisation;
        this.store = store;
    }

    /**
     * The certificate's signed credential from its organisation's node, stored here once its
     * SHA-256 matches {@code record.credentialDigest()}; empty when no node is configured for that
     * organisation, it is unreachable, or it answers anything else.
     */
    public Optional<ContentStore.StoredObject> certificate(final CertificateRecord record) {
        final String base = nodes.get(record.organisation());
        if (base == null || record.organisation().equals(ownOrganisation) || record.credentialDigest() == null) {
            return Optional.empty();
        }
        final URI uri = URI.create(base.replaceAll("/+$", "") + "/certificates/"
                + URLEncoder.encode(record.serial(), StandardCharsets.UTF_8) + "/credential");
        try {
            final HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.info(() -> uri + " answered " + response.statusCode());
                return Optional.empty();
            }
            final byte[] bytes = response.body();
            if (!Digests.sha256Hex(bytes).equals(record.credentialDigest())) {
                LOG.warning(() -> uri + " gave bytes whose SHA-256 is not the one the ledger records for "
                        + record.serial() + "; not kept");
                return Optional.empty();
            }
            store.put(bytes, StoredCredentials.VC_JWT);
            return store.get(record.credentialDigest());
        } catch (IOException e) {
            LOG.info(() -> uri + " unreachable: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
