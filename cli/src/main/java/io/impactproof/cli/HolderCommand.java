package io.impactproof.cli;

import io.impactproof.client.Instructions;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a holder does with a certificate from the command line: the instruction is signed here,
 * with the holder's key from a local file, and sent to the registry. The key never leaves this
 * machine.
 */
abstract class HolderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "The certificate's serial number.")
    String serial;

    @Option(names = "--registry", required = true, description = "The registry's base URL.")
    URI registry;

    @Option(names = "--key", required = true, description = "The holder's private JWK (JSON file).")
    Path keyFile;

    @Option(names = "--kid", required = true, description = "The DID URL of that key, e.g. did:web:fund.example#key-1.")
    String keyId;

    abstract String action();

    abstract ObjectNode args();

    @Override
    public Integer call() throws IOException, InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        final SigningKey key = SigningKey.parse(keyId, Files.readString(keyFile));
        final ObjectNode args = args().put("serial", serial);
        final String instruction = Instructions.sign(key, "certificates." + action(), args, Instant.now());
        final HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(registry.resolve("/financers/certificates/" + serial + "/" + action()))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        Json.write(Json.object().put("instruction", instruction))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        out.println(response.body());
        return response.statusCode() == 200 ? 0 : 1;
    }

    @Command(
            name = "transfer",
            mixinStandardHelpOptions = true,
            description = "Transfers a certificate to another owner or financer.")
    static final class Transfer extends HolderCommand {
        @Option(names = "--to", required = true, description = "The DID of the new holder.")
        String to;

        @Override
        String action() {
            return "transfer";
        }

        @Override
        ObjectNode args() {
            return Json.object().put("to", to);
        }
    }

    @Command(
            name = "split",
            mixinStandardHelpOptions = true,
            description = "Splits a certificate into lots that add up to its quantity.")
    static final class Split extends HolderCommand {
        @Option(
                names = "--lot",
                required = true,
                description = "The quantity of a lot, at the protocol's scale; repeat for each lot.")
        List<String> lots;

        @Override
        String action() {
            return "split";
        }

        @Override
        ObjectNode args() {
            final ObjectNode args = Json.object();
            lots.forEach(args.putArray("quantities")::add);
            return args;
        }
    }

    @Command(
            name = "retire",
            mixinStandardHelpOptions = true,
            description = "Retires a certificate (irreversible, public).")
    static final class Retire extends HolderCommand {
        @Option(names = "--beneficiary", required = true)
        String beneficiary;

        @Option(names = "--purpose", required = true)
        String purpose;

        @Option(names = "--jurisdiction", required = true, description = "e.g. FR")
        String jurisdiction;

        @Option(names = "--period", required = true, description = "The reporting period, e.g. 2026.")
        String period;

        @Override
        String action() {
            return "retire";
        }

        @Override
        ObjectNode args() {
            return Json.object()
                    .put("beneficiary", beneficiary)
                    .put("purpose", purpose)
                    .put("jurisdiction", jurisdiction)
                    .put("reportingPeriod", period);
        }
    }
}
