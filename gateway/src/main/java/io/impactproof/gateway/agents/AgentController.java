package io.impactproof.gateway.agents;

import io.impactproof.credentials.did.DidWeb;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.gateway.system.ApiException;
import io.impactproof.gateway.system.GatewayProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The did:web documents of the agents this node signs for, so their credentials verify anywhere. */
@RestController
@Tag(name = "participants", description = "Participants, their roles and their keys, as registered on the ledger")
class AgentController {
    private final ManagedAgents agents;
    private final GatewayProperties properties;

    AgentController(final ManagedAgents agents, final GatewayProperties properties) {
        this.agents = agents;
        this.properties = properties;
    }

    @GetMapping(value = "/agents/{alias}/did.json", produces = "application/did+json")
    @Operation(summary = "The did:web document of an agent of this node (did:web:<host>:agents:<alias>)")
    String didDocument(@PathVariable final String alias) {
        final String did = AgentIdentities.did(properties.baseUrl(), alias);
        final List<io.impactproof.credentials.jwt.SigningKey> keys = new ArrayList<>();
        agents.verifiers().forEach(v -> keys.add(v.key()));
        keys.add(agents.validator().key());
        keys.add(agents.operator());
        final var key = keys.stream()
                .filter(k -> k.did().equals(did))
                .findFirst()
                .orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "no agent " + alias));
        return DidWeb.document(key.did(), Map.of("key-1", key.publicKey()))
                .toJson()
                .toString();
    }
}
