package io.impactproof.gateway.protocols;

import io.impactproof.client.RegistryClient;
import io.impactproof.gateway.system.Requests;
import io.impactproof.model.Actions;
import io.impactproof.model.protocol.PublishedProtocol;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Protocols: operators publish versions; anyone reads them and the canonical bytes their digest is over. */
@RestController
@Tag(name = "protocols", description = "Impact protocols: versioned, hashed, anchored on the ledger")
class ProtocolController {
    private final RegistryClient registry;

    ProtocolController(final RegistryClient registry) {
        this.registry = registry;
    }

    @PostMapping("/operators/protocols")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Publishes a protocol version with its role slots bound to DIDs (instruction protocols.publish)")
    PublishedProtocol publish(@RequestBody final Requests.Instruction body) {
        return registry.publish(body.required());
    }

    @PostMapping("/operators/protocols/{id}/{version}/deprecate")
    @Operation(
            summary = "Deprecates a protocol version: no new claims under it (instruction protocols.deprecate by an"
                    + " operator of the publishing organisation)")
    PublishedProtocol deprecate(
            @PathVariable final String id,
            @PathVariable final String version,
            @RequestBody final Requests.Instruction body) {
        return registry.deprecate(body.requiredFor(Actions.DEPRECATE, "id", id, "version", version));
    }

    @GetMapping("/protocols")
    @Operation(summary = "Every published protocol version")
    List<PublishedProtocol> protocols() {
        return registry.protocols();
    }

    @GetMapping(value = "/protocols/{id}/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A protocol's canonical definition (RFC 8785 JSON), the bytes its digest is over")
    ResponseEntity<byte[]> protocol(@PathVariable final String id, @PathVariable final String version) {
        final PublishedProtocol p = registry.protocol(id, version);
        return ResponseEntity.ok()
                .header("Digest-SHA256", p.digest())
                .header("Digest-SRI", p.digestSRI())
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(p.definition().getBytes(StandardCharsets.UTF_8));
    }
}
