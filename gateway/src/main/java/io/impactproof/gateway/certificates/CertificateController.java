package io.impactproof.gateway.certificates;

import io.impactproof.client.Page;
import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.artifacts.ArtifactController;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.OtherNodes;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.gateway.participants.PathDids;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.gateway.system.ApiException;
import io.impactproof.gateway.system.Requests;
import io.impactproof.model.Actions;
import io.impactproof.model.certificate.CertificateRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certificates: the validator issues them, attaches their signed credentials, suspends, reinstates
 * and revokes them; anyone reads them, as the ledger's record or as the exact signed credential.
 */
@RestController
@Tag(name = "certificates", description = "The validator fixes values and issues certificates; anyone reads them")
class CertificateController {
    private final RegistryClient registry;
    private final ContentStore store;
    private final OtherNodes otherNodes;

    CertificateController(final RegistryClient registry, final ContentStore store, final OtherNodes otherNodes) {
        this.registry = registry;
        this.store = store;
        this.otherNodes = otherNodes;
    }

    @PostMapping("/validators/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issues the certificates of VERIFIED claims (instruction certificates.issue with args.claims)")
    List<CertificateRecord> issue(@RequestBody final Requests.Instruction body) {
        return registry.issue(body.required());
    }

    @GetMapping("/validators/{did}/issued")
    @Operation(
            summary = "A page of the certificates this validator issued whose signed credential is not attached yet "
                    + "(an interrupted run); follow the bookmark until it is empty")
    Page<CertificateRecord> issued(
            @PathVariable final String did,
            @RequestParam(defaultValue = "100") final int pageSize,
            @RequestParam(defaultValue = "") final String bookmark,
            final HttpServletRequest request) {
        Requests.pageSize(pageSize);
        final String validator = PathDids.did(request, "/validators/", registry);
        final Page<CertificateRecord> issued = registry.awaitingCredential(pageSize, bookmark);
        return new Page<>(
                issued.records().stream()
                        .filter(c -> c.validator().equals(validator))
                        .toList(),
                issued.bookmark());
    }

    @PostMapping("/validators/certificates/credentials")
    @Operation(
            summary =
                    "Attaches signed certificate credentials (vc+jwt) stating what the ledger recorded; the certificates become ACTIVE")
    List<CertificateRecord> attach(@RequestBody final Requests.Batch batch) {
        final List<SignedCredential> credentials = batch.parsed();
        return StoredCredentials.storedDuring(store, credentials, () -> registry.attach(credentials));
    }

    @PostMapping("/validators/certificates/{serial}/{action}")
    @Operation(
            summary =
                    "Suspends, reinstates or revokes a certificate (instruction certificates.<action> with args.serial and args.reason)")
    CertificateRecord status(
            @PathVariable final String serial,
            @PathVariable final String action,
            @RequestBody final Requests.Instruction body) {
        return switch (action) {
            case "suspend" -> registry.suspend(body.requiredFor(Actions.SUSPEND, "serial", serial));
            case "reinstate" -> registry.reinstate(body.requiredFor(Actions.REINSTATE, "serial", serial));
            case "revoke" -> registry.revoke(body.requiredFor(Actions.REVOKE, "serial", serial));
            default -> throw new ApiException(ApiError.NOT_FOUND, "action is suspend, reinstate or revoke");
        };
    }

    @GetMapping("/certificates/{serial}")
    @Operation(summary = "A certificate as the ledger records it")
    ResponseEntity<CertificateRecord> certificate(@PathVariable final String serial) {
        // One URL, two representations (JSON record, vc+jwt credential): caches must key on Accept.
        return ResponseEntity.ok()
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .cacheControl(CacheControl.noCache())
                .body(registry.certificate(serial));
    }

    @GetMapping(value = "/certificates/{serial}/credential", produces = SignedCredential.MEDIA_TYPE)
    @Operation(summary = "The certificate credential, exact vc+jwt bytes")
    ResponseEntity<byte[]> credentialOf(@PathVariable final String serial) {
        return certificateCredential(serial);
    }

    @GetMapping(value = "/certificates/{serial}", produces = SignedCredential.MEDIA_TYPE)
    @Operation(summary = "The certificate credential, exact vc+jwt bytes (Accept: application/vc+jwt)")
    ResponseEntity<byte[]> certificateCredential(@PathVariable final String serial) {
        final CertificateRecord record = registry.certificate(serial);
        if (record.credentialDigestSRI() == null) {
            throw new ApiException(ApiError.NOT_FOUND, serial + " has no credential attached yet");
        }
        final String hex = StoredCredentials.certificateHex(store, record)
                .orElseThrow(() -> new ApiException(
                        ApiError.NOT_FOUND, "the credential of " + serial + " is not stored on this node"));
        return ArtifactController.serve(store.get(hex)
                .or(() -> otherNodes.certificate(record))
                .orElseThrow(() -> new ApiException(
                        ApiError.NOT_FOUND,
                        "the credential of " + serial + " is not stored on this node, and the node of "
                                + record.organisation() + " (impactproof.nodes." + record.organisation()
                                + ") did not give it")));
    }
}
