package io.impactproof.gateway.certificates;

import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.credentials.status.BitstringStatusList;
import io.impactproof.credentials.status.StatusListCredential;
import io.impactproof.gateway.agents.ManagedAgents;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.gateway.system.ApiException;
import io.impactproof.gateway.system.GatewayProperties;
import io.impactproof.model.certificate.StatusLists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The Bitstring Status Lists of certificates (revocation, suspension), built from the ledger's set bits. */
@RestController
@Tag(name = "certificates", description = "The validator fixes values and issues certificates; anyone reads them")
record StatusListController(ManagedAgents agents, RegistryClient registry, GatewayProperties properties, Clock clock) {

    @GetMapping(value = "/status/{purpose}/{list}", produces = SignedCredential.MEDIA_TYPE)
    @Operation(
            summary =
                    "A Bitstring Status List credential (revocation or suspension), signed by the validator, built from the ledger")
    ResponseEntity<String> statusList(@PathVariable final String purpose, @PathVariable final long list) {
        if (!StatusLists.isPurpose(purpose)) {
            throw new ApiException(ApiError.NOT_FOUND, "purpose is revocation or suspension");
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
