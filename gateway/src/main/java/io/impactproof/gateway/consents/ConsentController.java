package io.impactproof.gateway.consents;

import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.gateway.system.Requests;
import io.impactproof.model.Actions;
import io.impactproof.model.consent.Consent;
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

/**
 * Consents of the people claims are about. The person's app signs each consent with the person's
 * own did:key and sends it here (or the owner forwards it); the ledger checks the signature and keeps
 * the consent per month; this node keeps the signed credential, as it keeps claims.
 */
@RestController
@Tag(name = "consents", description = "Employees consent, month by month, to proofs reaching their employer")
class ConsentController {
    private final RegistryClient registry;
    private final ContentStore store;

    ConsentController(final RegistryClient registry, final ContentStore store) {
        this.registry = registry;
        this.store = store;
    }

    @PostMapping("/employees/consents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Records consent credentials (type ConsentCredential, signed with the person's did:key: owner, "
                    + "subject digest, months, proofs); returns one record per month")
    List<Consent> give(@RequestBody final Requests.Batch batch) {
        final List<SignedCredential> consents = batch.parsed();
        return StoredCredentials.storedDuring(store, consents, () -> registry.giveConsents(consents));
    }

    @PostMapping("/employees/consents/withdraw")
    @Operation(
            summary = "Withdraws consents for the months ahead: an instruction consents.withdraw (owner, subject, "
                    + "months) signed by the did:key that enrolled the subject")
    List<Consent> withdraw(@RequestBody final Requests.Instruction body) {
        return registry.withdrawConsents(body.requiredFor(Actions.WITHDRAW_CONSENT));
    }

    @GetMapping("/consents/{subject}")
    @Operation(
            summary = "The consents of one subject (hex SHA-256 of the owner's DID and the person's id) to the owner "
                    + "named by the owner query parameter, by month")
    List<Consent> consents(
            @PathVariable final String subject,
            @org.springframework.web.bind.annotation.RequestParam final String owner) {
        return registry.consents(owner, subject);
    }
}
