package io.impactproof.gateway.participants;

import com.nimbusds.jose.jwk.JWK;
import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.did.DidDocument;
import io.impactproof.credentials.did.VerificationMethod;
import io.impactproof.gateway.system.Requests;
import io.impactproof.model.Actions;
import io.impactproof.model.participant.Participant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Participants: operators register them; anyone reads them and their DID documents, built from the ledger's keys. */
@RestController
@Tag(name = "participants", description = "Participants, their roles and their keys, as registered on the ledger")
class ParticipantController {
    private final RegistryClient registry;

    ParticipantController(final RegistryClient registry) {
        this.registry = registry;
    }

    @PostMapping("/operators/participants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Registers a participant (instruction participants.register signed by an operator of its organisation)")
    Participant register(@RequestBody final Requests.Instruction body) {
        return registry.register(body.required());
    }

    @PostMapping("/participants/{did}/keys")
    @Operation(
            summary = "Adds and removes keys (instruction participants.rotateKey signed by the participant or an"
                    + " operator of its organisation)")
    Participant rotateKey(
            @PathVariable final String did,
            @RequestBody final Requests.Instruction body,
            final HttpServletRequest request) {
        return registry.rotateKey(
                body.requiredFor(Actions.ROTATE_KEY, "did", find(request).did()));
    }

    @PostMapping("/operators/participants/{did}/deactivate")
    @Operation(
            summary = "Deactivates a participant: its keys verify nothing more (instruction participants.deactivate"
                    + " signed by the participant or an operator of its organisation)")
    Participant deactivate(
            @PathVariable final String did,
            @RequestBody final Requests.Instruction body,
            final HttpServletRequest request) {
        final Participant named = PathDids.participant(request, "/operators/participants/", registry);
        return registry.deactivate(body.requiredFor(Actions.DEACTIVATE, "did", named.did()));
    }

    @GetMapping("/participants/{did}")
    @Operation(summary = "A participant as registered on the ledger (a did:web DID's %3A is written %253A in the path)")
    Participant participant(@PathVariable final String did, final HttpServletRequest request) {
        return find(request);
    }

    @GetMapping(value = "/participants/{did}/did.json", produces = "application/did+json")
    @Operation(summary = "The DID document of a participant, from the keys registered on the ledger")
    String didDocument(@PathVariable final String did, final HttpServletRequest request) {
        final Participant p = find(request);
        final List<VerificationMethod> methods = new ArrayList<>();
        p.keys().forEach((keyId, jwk) -> {
            try {
                methods.add(new VerificationMethod(keyId, VerificationMethod.JSON_WEB_KEY, p.did(), JWK.parse(jwk)));
            } catch (ParseException e) {
                throw new IllegalStateException("corrupt key on the ledger for " + keyId, e);
            }
        });
        final List<String> refs = methods.stream().map(VerificationMethod::id).toList();
        return new DidDocument(p.did(), methods, p.active() ? refs : List.of(), p.active() ? refs : List.of())
                .toJson()
                .toString();
    }

    private Participant find(final HttpServletRequest request) {
        return PathDids.participant(request, "/participants/", registry);
    }
}
