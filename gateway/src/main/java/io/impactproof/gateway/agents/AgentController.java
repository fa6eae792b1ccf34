package io.impactproof.gateway.agents;

import io.impactproof.chaincode.certificate.CertificateContract;
import io.impactproof.chaincode.certificate.StatusLists;
import io.impactproof.credentials.did.DidWeb;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.credentials.status.BitstringStatusList;
import io.impactproof.credentials.status.StatusListCredential;
import io.impactproof.gateway.config.GatewayProperties;
import io.impactproof.gateway.ledger.Registry;
import io.impactproof.gateway.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The documents that make the agents' credentials verifiable anywhere: their did:web documents and the status lists. */
@RestController
@Tag(name = "public", description = "Financers and the public verify certificates and follow their trust chain")
class AgentController {
    private final ManagedAgents agents;
    private final Registry registry;
    private final GatewayProperties properties;
    private final Clock clock;

    AgentController(
            final ManagedAgents agents,
            final Registry registry,
            final GatewayProperties properties,
            final Clock clock) {
        this.agents = agents;
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(value = "/agents/{alias}/did.json", produces = "application/did+json")
    @Operation(summary = "The did:web document of an agent of this node (did:web:<host>:agents:<alias>)")
    String didDocument(@PathVariable final String alias) {
        final var key = agents.verifiers().stream()
                .map(VerifierAgent::key)
                .filter(k -> k.did().equals(AgentIdentities.did(properties.baseUrl(), alias)))
                .findFirst()
                .or(() -> List.of(agents.validator().key(), agents.operator()).stream()
                        .filter(k -> k.did().equals(AgentIdentities.did(properties.baseUrl(), alias)))
                        .findFirst())
                .orElseThrow(() -> new ApiException("NOT_FOUND", "no agent " + alias));
        return DidWeb.document(key.did(), Map.of("key-1", key.publicKey()))
                .toJson()
                .toString();
    }

    @GetMapping(value = "/status/{purpose}/{list}", produces = SignedCredential.MEDIA_TYPE)
    @Operation(
            summary =
                    "A Bitstring Status List credential (revocation or suspension), signed by the validator, built from the ledger")
    ResponseEntity<String> statusList(@PathVariable final String purpose, @PathVariable final long list) {
        if (!CertificateContract.REVOCATION.equals(purpose) && !CertificateContract.SUSPENSION.equals(purpose)) {
            throw new ApiException("ARGUMENT_INVALID", "purpose is revocation or suspension");
        }
        final BitstringStatusList bits = BitstringStatusList.create();
        registry.statusBits(purpose, list).forEach(index -> bits.set(index, true));
        final String url = properties.baseUrl() + StatusLists.listPath(purpose, list);
        final var vc = StatusListCredential.build(url, agents.validator().did(), purpose, bits, clock.instant());
        final String compact =
                VcJwt.sign(vc, agents.validator().key(), clock.instant()).compact();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, SignedCredential.MEDIA_TYPE)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(compact);
    }
}
