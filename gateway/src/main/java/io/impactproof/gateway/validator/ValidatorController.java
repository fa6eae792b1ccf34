package io.impactproof.gateway.validator;

import io.impactproof.chaincode.certificate.CertificateRecord;
import io.impactproof.chaincode.claim.ClaimRecord;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.ledger.Registry;
import io.impactproof.gateway.store.ContentStore;
import io.impactproof.gateway.store.Credentials;
import io.impactproof.gateway.web.ApiException;
import io.impactproof.gateway.web.Requests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What validators do: issue certificates, attach their signed credentials, reject claims, suspend, reinstate, revoke. */
@RestController
@RequestMapping("/validators")
@Tag(name = "validators", description = "The validator fixes values and issues, suspends and revokes certificates")
class ValidatorController {
    private static final Map<String, String> STATUS_FUNCTIONS =
            Map.of("suspend", "Suspend", "reinstate", "Reinstate", "revoke", "Revoke");

    private final Registry registry;
    private final ContentStore store;

    ValidatorController(final Registry registry, final ContentStore store) {
        this.registry = registry;
        this.store = store;
    }

    @PostMapping("/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issues the certificates of VERIFIED claims (instruction certificates.issue with args.claims)")
    List<CertificateRecord> issue(@RequestBody final Requests.Instruction body) {
        return registry.issue(body.required());
    }

    @PostMapping("/certificates/credentials")
    @Operation(
            summary =
                    "Attaches signed certificate credentials (vc+jwt) stating what the ledger recorded; the certificates become ACTIVE")
    List<CertificateRecord> attach(@RequestBody final Requests.Batch batch) {
        final List<SignedCredential> credentials = batch.parsed();
        return Credentials.storedDuring(store, credentials, () -> registry.attach(credentials));
    }

    @PostMapping("/claims/reject")
    @Operation(summary = "Rejects a claim (instruction claims.reject with args.claim and args.reason)")
    ClaimRecord reject(@RequestBody final Requests.Instruction body) {
        return registry.reject(body.required());
    }

    @PostMapping("/certificates/{serial}/{action}")
    @Operation(
            summary =
                    "Suspends, reinstates or revokes a certificate (instruction certificates.<action> with args.serial and args.reason)")
    CertificateRecord status(
            @PathVariable final String serial,
            @PathVariable final String action,
            @RequestBody final Requests.Instruction body) {
        final String function = STATUS_FUNCTIONS.get(action);
        if (function == null) {
            throw new ApiException("ARGUMENT_INVALID", "action is suspend, reinstate or revoke");
        }
        final CertificateRecord changed = registry.changeStatus(function, body.required());
        if (!changed.serial().equals(serial)) {
            throw new ApiException("ARGUMENT_INVALID", "the instruction names " + changed.serial());
        }
        return changed;
    }
}
