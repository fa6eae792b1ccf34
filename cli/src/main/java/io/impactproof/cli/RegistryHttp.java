package io.impactproof.cli;

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
import tools.jackson.databind.JsonNode;

/**
 * The registry's public API as the command line's parties use it: reads (optionally authorised by
 * a signed instruction), JSON writes, and the published protocols. Nothing is signed here; every
 * party signs with its own key before calling. Thread-safe.
 */
final class RegistryHttp {
    private final URI registry;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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

    /** Every published protocol version, with its canonical definition. */
    List<PublishedProtocol> protocols() throws IOException, InterruptedException {
        final HttpResponse<String> answer = get("/protocols", null);
        if (answer.statusCode() != 200) {
            throw new IOException("the registry lists no protocols: " + answer.statusCode() + " " + answer.body());
        }
        return LedgerJson.readList(answer.body().getBytes(StandardCharsets.UTF_8), PublishedProtocol.class);
    }
}
