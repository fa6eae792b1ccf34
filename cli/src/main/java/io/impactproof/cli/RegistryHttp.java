package io.impactproof.cli;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.did.DidDocument;
import io.impactproof.credentials.did.DidKey;
import io.impactproof.credentials.did.DidUrl;
import io.impactproof.credentials.did.DocumentKeyResolver;
import io.impactproof.credentials.did.KeyResolver;
import io.impactproof.credentials.did.ResolvedKey;
import io.impactproof.credentials.json.Json;
import io.impactproof.model.LedgerJson;
import io.impactproof.model.protocol.PublishedProtocol;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The registry's public API as the command line's parties use it: reads (optionally authorised by
 * a signed instruction), JSON writes, the published protocols, and the participants' keys as DID
 * documents. Nothing is signed here; every party signs with its own key before calling. Thread-safe.
 */
final class RegistryHttp {
    private final URI registry;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, PublishedProtocol> protocols = new ConcurrentHashMap<>();
    private final DocumentKeyResolver documents = new DocumentKeyResolver();

    RegistryHttp(final URI registry) {
        this.registry = registry;
    }

    URI resolve(final String path) {
        return registry.resolve(path);
    }

    /** A read; {@code authorization} (e.g. {@code Instruction <signed claims.read>}) may be null. */
    HttpResponse<String> get(final String path, final String authorization) throws IOException, InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(registry.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/did+json, application/vc+jwt");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A write of a JSON body (a batch can take the ledger a while: two minutes). */
    HttpResponse<String> post(final String path, final JsonNode body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(registry.resolve(path))
                        .timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A read's JSON body; any other status than 200 is an error naming the answer. */
    JsonNode json(final String path, final String authorization) throws IOException, InterruptedException {
        return json(get(path, authorization));
    }

    static JsonNode json(final HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("the registry answered " + response.statusCode() + ": " + response.body());
        }
        return Json.parse(response.body());
    }

    /** Every published protocol version, with its canonical definition. */
    List<PublishedProtocol> protocols() throws IOException, InterruptedException {
        final HttpResponse<String> answer = get("/protocols", null);
        if (answer.statusCode() != 200) {
            throw new IOException("the registry lists no protocols: " + answer.statusCode() + " " + answer.body());
        }
        return LedgerJson.readList(answer.body().getBytes(StandardCharsets.UTF_8), PublishedProtocol.class);
    }

    /** A published protocol by {@code id@version}; the list is read once, and again for a version not seen. */
    PublishedProtocol protocol(final String ref) throws IOException, InterruptedException {
        if (!protocols.containsKey(ref)) {
            for (final PublishedProtocol p : protocols()) {
                protocols.put(p.ref(), p);
            }
        }
        final PublishedProtocol protocol = protocols.get(ref);
        if (protocol == null) {
            throw new IOException("the registry lists no protocol " + ref);
        }
        return protocol;
    }

    /**
     * The keys a party checks signatures with: a did:key is its own key; a did:web key comes from
     * the DID document the registry builds from the ledger's keys (the party trusts the ledger, not
     * the node's opinion of a signature).
     */
    KeyResolver keys() {
        return DidKey.RESOLVER.orElse(this::fromRegistry);
    }

    private ResolvedKey fromRegistry(final String kid) {
        try {
            return documents.resolve(kid);
        } catch (CredentialException unknown) {
            final String did = DidUrl.parse(kid).did();
            try {
                documents.add(DidDocument.fromJson(json("/participants/" + pathDid(did) + "/did.json", null)));
            } catch (IOException e) {
                throw new CredentialException(ErrorCode.KEY_NOT_FOUND, kid + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CredentialException(ErrorCode.KEY_NOT_FOUND, kid + ": interrupted");
            }
            return documents.resolve(kid);
        }
    }

    /** A DID as a path segment: colons stay, a did:web port's literal %3A is written %253A (docs/api.md). */
    static String pathDid(final String did) {
        return did.replace("%", "%25");
    }
}
