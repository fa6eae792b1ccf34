package io.impactproof.gateway.artifacts;

import io.impactproof.client.Instructions;
import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.LedgerException;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.gateway.system.GatewayProperties;
import io.impactproof.model.Actions;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.claim.ClaimRecord;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The gateways of the other organisations on the same ledger: {@code impactproof.nodes.<MSP id>},
 * else the first {@code http(s)} node the members' decision admitting that organisation names. A
 * certificate's signed credential is kept by the node of its validator's organisation (which may
 * not be the certificate's), a signed claim by the node it was submitted to; the ledger holds their SHA-256. Asked for one it does not hold,
 * this node fetches it from that organisation's node (a claim with a {@code claims.read} its reader
 * signs), keeps it only if its digest is the one on the ledger, and from then on serves it itself.
 * Nothing is trusted from the other node but bytes whose digest the ledger pins.
 */
@Component
public class OtherNodes {
    private static final Logger LOG = Logger.getLogger(OtherNodes.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, String> nodes;
    private final Function<String, Optional<String>> directory;
    private final Function<String, Optional<String>> organisationOf;
    private final String ownOrganisation;
    private final ContentStore store;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Autowired
    public OtherNodes(final GatewayProperties properties, final ContentStore store, final RegistryClient registry) {
        this(
                properties.nodes(),
                organisation -> admitted(registry, organisation),
                did -> organisationOf(registry, did),
                properties.mspId(),
                store);
    }

    OtherNodes(
            final Map<String, String> nodes,
            final Function<String, Optional<String>> directory,
            final Function<String, Optional<String>> organisationOf,
            final String ownOrganisation,
            final ContentStore store) {
        this.nodes = Map.copyOf(nodes);
        this.directory = directory;
        this.organisationOf = organisationOf;
        this.ownOrganisation = ownOrganisation;
        this.store = store;
    }

    /** The gateway URL the decision admitting the organisation names, if any. */
    private static Optional<String> admitted(final RegistryClient registry, final String organisation) {
        try {
            return registry.members().stream()
                    .filter(m -> m.organisation().equals(organisation))
                    .flatMap(m -> m.nodes().stream())
                    .filter(n -> n.startsWith("http://") || n.startsWith("https://"))
                    .findFirst();
        } catch (LedgerException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> organisationOf(final RegistryClient registry, final String did) {
        try {
            return Optional.of(registry.participant(did).organisation());
        } catch (LedgerException e) {
            return Optional.empty();
        }
    }

    private Optional<String> base(final String organisation) {
        if (organisation.equals(ownOrganisation)) {
            return Optional.empty();
        }
        return Optional.ofNullable(nodes.get(organisation))
                .or(() -> directory.apply(organisation))
                .map(b -> b.replaceAll("/+$", ""));
    }

    /**
     * A signed claim submitted through another organisation's node, read there with a
     * {@code claims.read} that {@code reader} (a verifier or validator of its protocol) signs;
     * stored here once its SHA-256 matches the claim's digest on the ledger.
     */
    public Optional<ContentStore.StoredObject> claim(final ClaimRecord claim, final SigningKey reader) {
        return claim(
                claim,
                "Instruction "
                        + Instructions.sign(
                                reader, Actions.READ_CLAIM, Json.object().put("claim", claim.id()), Instant.now()));
    }

    /**
     * The same with a reader's own {@code Authorization} header ({@code Instruction <claims.read>}),
     * passed on as it is: the other node checks the reader's signature itself.
     */
    public Optional<ContentStore.StoredObject> claim(final ClaimRecord claim, final String authorization) {
        final Optional<String> base = base(claim.organisation());
        if (base.isEmpty()) {
            return Optional.empty();
        }
        return fetch(
                URI.create(base.get() + "/verifiers/claims/" + URLEncoder.encode(claim.id(), StandardCharsets.UTF_8)
                        + "/credential"),
                authorization,
                claim.digest(),
                claim.id());
    }

    /**
     * The certificate's signed credential from its validator's organisation's node, stored here once its
     * SHA-256 matches {@code record.credentialDigest()}; empty when no node is configured for that
     * organisation, it is unreachable, or it answers anything else.
     */
    public Optional<ContentStore.StoredObject> certificate(final CertificateRecord record) {
        final Optional<String> base = base(
                Optional.ofNullable(record.validator()).flatMap(organisationOf).orElse(record.organisation()));
        if (base.isEmpty() || record.credentialDigest() == null) {
            return Optional.empty();
        }
        return fetch(
                URI.create(base.get() + "/certificates/" + URLEncoder.encode(record.serial(), StandardCharsets.UTF_8)
                        + "/credential"),
                null,
                record.credentialDigest(),
                record.serial());
    }

    private Optional<ContentStore.StoredObject> fetch(
            final URI uri, final String authorization, final String digest, final String what) {
        try {
            final HttpRequest.Builder request =
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            final HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.info(() -> uri + " answered " + response.statusCode());
                return Optional.empty();
            }
            final byte[] bytes = response.body();
            if (!Digests.sha256Hex(bytes).equals(digest)) {
                LOG.warning(() ->
                        uri + " gave bytes whose SHA-256 is not the one the ledger records for " + what + "; not kept");
                return Optional.empty();
            }
            store.put(bytes, StoredCredentials.VC_JWT);
            return store.get(digest);
        } catch (IOException e) {
            LOG.info(() -> uri + " unreachable: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
