package io.impactproof.gateway.artifacts;

import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.participants.SignedReads;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.gateway.system.ApiException;
import io.impactproof.model.CredentialTypes;
import io.impactproof.model.RegistryError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stored bytes the ledger's digests pin: attestation and certificate credentials (public),
 * evidence files (for registered participants). Claims, which may hold personal data, are read
 * through {@code /verifiers/claims/{id}/credential}. What is served by id is what the ledger recorded
 * for that id, checked on every read.
 */
@RestController
@Tag(name = "artifacts", description = "Stored credentials and evidence, checked against the digests on the ledger")
public class ArtifactController {
    private final RegistryClient registry;
    private final ContentStore store;
    private final SignedReads reads;

    ArtifactController(final RegistryClient registry, final ContentStore store, final SignedReads reads) {
        this.registry = registry;
        this.store = store;
        this.reads = reads;
    }

    @GetMapping("/artifacts/sha256/{hex}")
    @Operation(
            summary =
                    "A stored attestation or certificate credential (public), or an evidence file (for registered participants, "
                            + "with Authorization: Instruction <artifacts.read {sha256}>); immutable, checked against its digest")
    ResponseEntity<byte[]> artifact(
            @PathVariable final String hex,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) final String authorization) {
        final var object = store.get(hex).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "no object " + hex));
        if (!SignedCredential.MEDIA_TYPE.equals(object.mediaType())) {
            reads.requireParticipant(authorization, hex);
        } else if (isClaim(object)) {
            throw new ApiException(
                    RegistryError.FORBIDDEN,
                    "a claim is read with a signed claims.read instruction at /verifiers/claims/{id}/credential");
        }
        return serve(object);
    }

    @GetMapping(value = "/credentials", produces = SignedCredential.MEDIA_TYPE)
    @Operation(
            summary =
                    "The attestation or certificate credential the ledger recorded under this id (?id=…), exact vc+jwt bytes")
    ResponseEntity<byte[]> credentialById(@RequestParam final String id) {
        final ContentStore.StoredObject object = store.findById(id)
                .flatMap(store::get)
                .filter(candidate -> recordedUnder(id, candidate))
                .orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "no credential recorded as " + id));
        return serve(object);
    }

    /**
     * Whether the ledger records exactly these bytes as the credential with this id: an attestation
     * of the claim it names by that verifier, or the attached credential of the certificate it
     * names. Anything else — a claim, bytes the ledger never recorded — is not served by id.
     */
    private boolean recordedUnder(final String id, final ContentStore.StoredObject object) {
        final SignedCredential credential;
        try {
            credential = StoredCredentials.parse(new String(object.bytes(), StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            return false;
        }
        if (!credential.credential().id().map(id::equals).orElse(false)) {
            return false;
        }
        try {
            if (credential.credential().hasType(CredentialTypes.CLAIM)
                    && registry.claim(id).digest().equals(object.sha256())) {
                throw new ApiException(
                        RegistryError.FORBIDDEN,
                        "a claim is read with a signed claims.read instruction at /verifiers/claims/{id}/credential");
            }
            if (credential.credential().hasType(CredentialTypes.ATTESTATION)) {
                final String claimId =
                        credential.credential().subject().path("id").stringValue("");
                return registry.attestations(claimId).stream()
                        .anyMatch(a -> object.sha256().equals(a.digest()));
            }
            if (credential.credential().hasType(CredentialTypes.CERTIFICATE)) {
                final var record = registry.certificate(
                        credential.credential().subject().path("serial").stringValue(""));
                return StoredCredentials.certificateHex(store, record)
                        .map(object.sha256()::equals)
                        .orElse(false);
            }
        } catch (TransactionRefused e) {
            return false;
        }
        return false;
    }

    private static boolean isClaim(final ContentStore.StoredObject object) {
        try {
            return StoredCredentials.parse(new String(object.bytes(), StandardCharsets.US_ASCII))
                    .credential()
                    .hasType(CredentialTypes.CLAIM);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Serves stored bytes: immutable by construction (content-addressed), cacheable for a year. */
    public static ResponseEntity<byte[]> serve(final ContentStore.StoredObject object) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, object.mediaType())
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .eTag("\"" + object.sha256() + "\"")
                .body(object.bytes());
    }
}
