package io.impactproof.gateway.agents;

import java.net.URI;

/**
 * The did:web identities of the agents a gateway signs for: {@code did:web:<host>:agents:<alias>},
 * whose document the gateway serves at {@code <baseUrl>/agents/<alias>/did.json}.
 */
public final class AgentIdentities {
    private AgentIdentities() {}

    public static String did(final String baseUrl, final String alias) {
        final URI uri = URI.create(baseUrl);
        final String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + "%3A" + uri.getPort();
        return "did:web:" + host + ":agents:" + alias;
    }

    public static String keyId(final String baseUrl, final String alias) {
        return did(baseUrl, alias) + "#key-1";
    }
}
