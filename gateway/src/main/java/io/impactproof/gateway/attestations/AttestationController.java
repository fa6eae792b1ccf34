package io.impactproof.gateway.attestations;

import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.gateway.system.Requests;
import io.impactproof.model.attestation.AttestationRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Attestations: designated verifiers record theirs; anyone lists a claim's. */
@RestController
@Tag(name = "attestations", description = "Designated verifiers attest claims with their own value")
class AttestationController {
    private final RegistryClient registry;
    private final ContentStore store;

    AttestationController(final RegistryClient registry, final ContentStore store) {
        this.registry = registry;
        this.store = store;
    }

    @PostMapping("/verifiers/attestations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Records signed attestations (vc+jwt) in one atomic transaction; the verifier's signature is the authorisation")
    List<AttestationRecord> attest(@RequestBody final Requests.Batch batch) {
        final List<SignedCredential> attestations = batch.parsed();
        return StoredCredentials.storedDuring(store, attestations, () -> registry.attest(attestations));
    }

    @GetMapping("/verifiers/claims/{id}/attestations")
    @Operation(summary = "The attestations recorded for a claim")
    List<AttestationRecord> attestations(@PathVariable final String id) {
        return registry.attestations(id);
    }
}
