package io.impactproof.cli;

import io.impactproof.credentials.jwt.SigningKey;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** What every agent of a party takes: the registry, its own key, and how it keeps watching. */
final class AgentOptions {
    @Option(names = "--registry", required = true, description = "The registry's base URL.")
    URI registry;

    @Option(names = "--key", required = true, description = "The party's private JWK (JSON file).")
    Path keyFile;

    @Option(
            names = "--kid",
            required = true,
            description = "The DID URL of that key, e.g. did:web:party.example#key-1.")
    String keyId;

    @Option(names = "--once", description = "Do what is waiting now, then exit (default: keep watching).")
    boolean once;

    @Option(
            names = "--interval",
            defaultValue = "PT5S",
            description = "The longest wait between two passes (ISO 8601); a pass starts sooner when the"
                    + " registry's event stream shows new work.")
    Duration interval;

    @Option(names = "--page", defaultValue = "200", description = "Claims per page and per request (1 to 1000).")
    int page;

    SigningKey key() throws IOException {
        return SigningKey.parse(keyId, Files.readString(keyFile));
    }
}
