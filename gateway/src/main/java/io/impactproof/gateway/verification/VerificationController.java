package io.impactproof.gateway.verification;

import io.impactproof.client.RegistryClient;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.system.ApiException;
import io.impactproof.model.RegistryError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The W3C VC API verification endpoint, for anyone. */
@RestController
@Tag(name = "verification", description = "Anyone verifies a credential and follows a certificate's trust chain")
class VerificationController {
    private static final String DATA_URL = "data:application/vc+jwt,";

    private final CredentialVerification verification;
    private final TrustChain chains;

    VerificationController(
            final CredentialVerification verification, final RegistryClient registry, final ContentStore store) {
        this.verification = verification;
        this.chains = new TrustChain(registry, store);
    }

    @GetMapping("/certificates/{serial}/chain")
    @Operation(
            summary =
                    "The trust chain certificate → attestations → claim → protocol → evidence, each digest recomputed")
    TrustChain.Link chain(@PathVariable final String serial) {
        return chains.of(serial);
    }

    @PostMapping(value = "/credentials/verify", consumes = "application/json")
    @Operation(
            summary =
                    "Verifies a certificate, claim or attestation (VC API shape): body {\"verifiableCredential\": compact vc+jwt, "
                            + "or an EnvelopedVerifiableCredential}; 200 when verified, 400 with problemDetails otherwise")
    ResponseEntity<CredentialVerification.Result> verify(@RequestBody final JsonNode body) {
        final JsonNode vc = body.path("verifiableCredential");
        final String compact;
        if (vc.isString()) {
            compact = vc.stringValue();
        } else if (vc.path("id").stringValue("").startsWith(DATA_URL)) {
            compact = vc.path("id").stringValue().substring(DATA_URL.length());
        } else {
            throw new ApiException(
                    RegistryError.ARGUMENT_INVALID,
                    "verifiableCredential is a compact vc+jwt or an EnvelopedVerifiableCredential with a data: URL");
        }
        final CredentialVerification.Result result = verification.verify(compact);
        return ResponseEntity.status(result.verified() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .body(result);
    }

    @PostMapping(value = "/credentials/verify", consumes = "application/vc+jwt")
    @Operation(summary = "Verifies a compact vc+jwt sent as is")
    ResponseEntity<CredentialVerification.Result> verifyCompact(@RequestBody final String compact) {
        final CredentialVerification.Result result = verification.verify(compact.trim());
        return ResponseEntity.status(result.verified() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .body(result);
    }
}
