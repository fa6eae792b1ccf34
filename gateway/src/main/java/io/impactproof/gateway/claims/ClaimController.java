package io.impactproof.gateway.claims;

import io.impactproof.client.Page;
import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.gateway.participants.PathDids;
import io.impactproof.gateway.participants.SignedReads;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.gateway.system.ApiException;
import io.impactproof.gateway.system.GatewayProperties;
import io.impactproof.gateway.system.Requests;
import io.impactproof.model.claim.ClaimRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Claims: owners upload evidence and submit signed claims; verifiers see the claims awaiting them and
 * read a claim's data with a signed read; validators reject claims.
 */
@RestController
@Tag(name = "claims", description = "Project owners submit signed impact claims; verifiers read the ones awaiting them")
record ClaimController(
        RegistryClient registry,
        ContentStore store,
        SignedReads reads,
        GatewayProperties properties,
        io.impactproof.gateway.artifacts.OtherNodes otherNodes) {

    /** Where an uploaded evidence file is served, and the digests a claim pins it with. */
    record StoredEvidence(
            String url, String sha256, String digestSRI, String digestMultibase, String mediaType, int size) {}

    @PostMapping("/owners/evidence")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Stores an evidence file of an owner (write-once, content-addressed) and returns its URL and digests; "
                            + "Authorization: Instruction <evidence.upload {sha256}> signed by a registered owner; "
                            + "bounded size, listed media types")
    StoredEvidence evidence(
            @RequestBody final byte[] bytes,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) final String contentType,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) final String authorization) {
        final String mediaType = MediaType.parseMediaType(contentType).getType() + "/"
                + MediaType.parseMediaType(contentType).getSubtype();
        if (!properties.limits().evidenceTypes().contains(mediaType)) {
            throw new ApiException(
                    ApiError.MEDIA_TYPE_UNSUPPORTED,
                    "evidence is one of " + properties.limits().evidenceTypes() + ", not " + mediaType);
        }
        if (bytes.length == 0) {
            throw new ApiException(ApiError.BODY_INVALID, "an evidence file is not empty");
        }
        final String hex = Digests.sha256Hex(bytes);
        reads.requireUploader(authorization, hex, properties.mspId());
        store.put(bytes, mediaType);
        return new StoredEvidence(
                properties.baseUrl() + "/artifacts/sha256/" + hex,
                hex,
                Digests.sri(bytes),
                Digests.multibase(bytes),
                mediaType,
                bytes.length);
    }

    @PostMapping("/owners/claims")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Submits signed claims (vc+jwt) in one atomic transaction; the owner's signature is the authorisation")
    List<ClaimRecord> submit(@RequestBody final Requests.Batch batch) {
        final List<SignedCredential> claims = batch.parsed();
        return StoredCredentials.storedDuring(store, claims, () -> registry.submitClaims(claims));
    }

    @GetMapping("/owners/claims/{id}")
    @Operation(summary = "The status of a claim, as the ledger records it (digests and metadata)")
    ClaimRecord claim(@PathVariable final String id) {
        return registry.claim(id);
    }

    @GetMapping("/verifiers/{did}/awaiting")
    @Operation(
            summary =
                    "A page of the claims a designated verifier has not attested yet; pass bookmark back for the next")
    Page<ClaimRecord> awaiting(
            @PathVariable final String did,
            @RequestParam(defaultValue = "100") final int pageSize,
            @RequestParam(defaultValue = "") final String bookmark,
            final HttpServletRequest request) {
        Requests.pageSize(pageSize);
        return registry.awaiting(PathDids.did(request, "/verifiers/", registry), pageSize, bookmark);
    }

    @GetMapping("/validators/{did}/awaiting")
    @Operation(
            summary = "A page of the VERIFIED claims this validator is designated for, awaiting their certificate; "
                    + "a page may hold fewer records than pageSize (other validators' claims are left out): "
                    + "follow the bookmark until it is empty")
    Page<ClaimRecord> awaitingValidator(
            @PathVariable final String did,
            @RequestParam(defaultValue = "100") final int pageSize,
            @RequestParam(defaultValue = "") final String bookmark,
            final HttpServletRequest request) {
        Requests.pageSize(pageSize);
        final String validator = PathDids.did(request, "/validators/", registry);
        final Page<ClaimRecord> verified = registry.claimsWithStatus("VERIFIED", pageSize, bookmark);
        final java.util.Map<String, Boolean> designated = new java.util.HashMap<>();
        return new Page<>(
                verified.records().stream()
                        .filter(c -> designated.computeIfAbsent(
                                c.protocol(),
                                ref -> registry.protocol(ref).validators().contains(validator)))
                        .toList(),
                verified.bookmark());
    }

    @GetMapping("/verifiers/claims/{id}/credential")
    @Operation(
            summary =
                    "The signed claim (with its data), for its protocol's verifiers and validators and its owner; "
                            + "authorised by a signed instruction 'claims.read' in the Authorization header (scheme Instruction)")
    ResponseEntity<byte[]> claimCredential(
            @PathVariable final String id,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) final String authorization) {
        final ClaimRecord claim = registry.claim(id);
        reads.requireReader(authorization, claim);
        final var object = store.get(claim.digest())
                .or(() -> otherNodes.claim(claim, authorization))
                .orElseThrow(
                        () -> new ApiException(ApiError.NOT_FOUND, "the claim credential is not stored on this node"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, SignedCredential.MEDIA_TYPE)
                .body(object.bytes());
    }

    @PostMapping("/validators/claims/reject")
    @Operation(summary = "Rejects a claim (instruction claims.reject with args.claim and args.reason)")
    ClaimRecord reject(@RequestBody final Requests.Instruction body) {
        return registry.reject(body.required());
    }
}
