package io.impactproof.gateway.verifier;

import io.impactproof.chaincode.attestation.AttestationRecord;
import io.impactproof.chaincode.claim.ClaimRecord;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.auth.SignedReads;
import io.impactproof.gateway.ledger.Registry;
import io.impactproof.gateway.store.ContentStore;
import io.impactproof.gateway.store.Credentials;
import io.impactproof.gateway.web.ApiException;
import io.impactproof.gateway.web.Requests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What verifiers do: see the claims awaiting them, read a claim they verify, attest. */
@RestController
@RequestMapping("/verifiers")
@Tag(name = "verifiers", description = "Designated verifiers attest claims with their own value")
class VerifierController {
    private final Registry registry;
    private final ContentStore store;
    private final SignedReads reads;

    VerifierController(final Registry registry, final ContentStore store, final SignedReads reads) {
        this.registry = registry;
        this.store = store;
        this.reads = reads;
    }

    @GetMapping("/{did}/awaiting")
    @Operation(summary = "The claims a designated verifier has not attested yet")
    List<ClaimRecord> awaiting(@PathVariable final String did) {
        return registry.awaiting(did);
    }

    @GetMapping("/claims/{id}/credential")
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
                .orElseThrow(() -> new ApiException("NOT_FOUND", "the claim credential is not stored on this node"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, SignedCredential.MEDIA_TYPE)
                .body(object.bytes());
    }

    @PostMapping("/attestations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Records signed attestations (vc+jwt) in one atomic transaction; the verifier's signature is the authorisation")
    List<AttestationRecord> attest(@RequestBody final Requests.Batch batch) {
        final List<SignedCredential> attestations = batch.parsed();
        return Credentials.storedDuring(store, attestations, () -> registry.attest(attestations));
    }

    @GetMapping("/claims/{id}/attestations")
    @Operation(summary = "The attestations recorded for a claim")
    List<AttestationRecord> attestations(@PathVariable final String id) {
        return registry.attestations(id);
    }
}
