package io.impactproof.gateway.owner;

import io.impactproof.chaincode.claim.ClaimRecord;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.config.GatewayProperties;
import io.impactproof.gateway.ledger.Registry;
import io.impactproof.gateway.store.ContentStore;
import io.impactproof.gateway.store.Credentials;
import io.impactproof.gateway.web.Requests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What project owners do: upload evidence, submit signed claims, follow them. */
@RestController
@RequestMapping("/owners")
@Tag(name = "owners", description = "Project owners submit signed impact claims")
class OwnerController {
    private final Registry registry;
    private final ContentStore store;
    private final GatewayProperties properties;

    OwnerController(final Registry registry, final ContentStore store, final GatewayProperties properties) {
        this.registry = registry;
        this.store = store;
        this.properties = properties;
    }

    /** Where an uploaded evidence file is served, and the digests a claim pins it with. */
    record StoredEvidence(
            String url, String sha256, String digestSRI, String digestMultibase, String mediaType, int size) {}

    @PostMapping("/evidence")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Stores an evidence file (write-once, content-addressed) and returns its URL and digests")
    StoredEvidence evidence(
            @RequestBody final byte[] bytes, @RequestHeader(HttpHeaders.CONTENT_TYPE) final String mediaType) {
        final String hex = store.put(bytes, mediaType);
        return new StoredEvidence(
                properties.baseUrl() + "/artifacts/sha256/" + hex,
                hex,
                Digests.sri(bytes),
                Digests.multibase(bytes),
                mediaType,
                bytes.length);
    }

    @PostMapping("/claims")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Submits signed claims (vc+jwt) in one atomic transaction; the owner's signature is the authorisation")
    List<ClaimRecord> submit(@RequestBody final Requests.Batch batch) {
        final List<SignedCredential> claims = batch.parsed();
        return Credentials.storedDuring(store, claims, () -> registry.submitClaims(claims));
    }

    @GetMapping("/claims/{id}")
    @Operation(summary = "The status of a claim, as the ledger records it (digests and metadata)")
    ClaimRecord claim(@PathVariable final String id) {
        return registry.claim(id);
    }
}
