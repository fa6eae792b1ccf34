package io.impactproof.cli;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.Instructions;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.model.Actions;
import io.impactproof.model.consent.Subjects;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pre-finance campaigns from the command line, each party with its own key from a local file: the
 * financer opens, pays, advances, closes and exports; the owner applies a certificate; an employee
 * consents. Instructions are signed here and sent to any gateway; the key never leaves this machine.
 */
@Command(
        name = "campaign",
        mixinStandardHelpOptions = true,
        description = "Pre-finance campaigns that pay only on proof.",
        subcommands = {
            CampaignCommand.Open.class,
            CampaignCommand.Apply.class,
            CampaignCommand.Pay.class,
            CampaignCommand.Advance.class,
            CampaignCommand.Close.class,
            CampaignCommand.Export.class,
            CampaignCommand.Consent.class
        })
final class CampaignCommand {
    private CampaignCommand() {}

    /** The registry and the acting party's key. */
    static final class Party {
        @Option(names = "--registry", required = true, description = "The registry's base URL.")
        URI registry;

        @Option(names = "--key", required = true, description = "The party's private JWK (JSON file).")
        Path keyFile;

        @Option(names = "--kid", description = "The DID URL of that key (a did:key's is derived from the key).")
        String keyId;

        SigningKey key() throws IOException {
            final String jwk = Files.readString(keyFile);
            if (keyId != null) {
                return SigningKey.parse(keyId, jwk);
            }
            try {
                final String did = io.impactproof.credentials.did.DidKey.fromPublicKey(
                        com.nimbusds.jose.jwk.JWK.parse(jwk).toPublicJWK());
                return SigningKey.parse(io.impactproof.credentials.did.DidKey.keyId(did), jwk);
            } catch (java.text.ParseException e) {
                throw new IOException(keyFile + " is not a JWK: " + e.getMessage(), e);
            }
        }

        String sign(final String action, final ObjectNode args) throws IOException {
            return Instructions.sign(key(), action, args, Instant.now());
        }
    }

    /** Sends one signed instruction and prints the answer; 0 on success, 1 on a refusal. */
    abstract static class Signed implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Party party;

        abstract String path();

        abstract String action();

        abstract ObjectNode args() throws IOException;

        @Override
        public Integer call() throws IOException, InterruptedException {
            final PrintWriter out = spec.commandLine().getOut();
            final HttpResponse<String> response = new RegistryHttp(party.registry)
                    .post(path(), Json.object().put("instruction", party.sign(action(), args())));
            out.println(response.body());
            return response.statusCode() / 100 == 2 ? 0 : 1;
        }
    }

    @Command(
            name = "open",
            mixinStandardHelpOptions = true,
            description =
                    "Opens a campaign from a JSON file of its terms (id, title, budget, currency, eligibility, terms).")
    static final class Open extends Signed {
        @Parameters(index = "0", description = "The campaign's JSON file.")
        Path file;

        @Override
        String path() {
            return "/financers/campaigns";
        }

        @Override
        String action() {
            return Actions.OPEN_CAMPAIGN;
        }

        @Override
        ObjectNode args() throws IOException {
            return Json.parseObject(Files.readString(file));
        }
    }

    @Command(
            name = "apply",
            mixinStandardHelpOptions = true,
            description = "Applies a certificate you produced and hold to a campaign, accepting its terms.")
    static final class Apply extends Signed {
        @Parameters(index = "0", description = "The campaign's id.")
        String campaign;

        @Parameters(index = "1", description = "The certificate's serial number.")
        String serial;

        @Option(
                names = "--accept-partial",
                description = "Take what is left of the budget if it does not cover the amount.")
        boolean partial;

        @Override
        String path() {
            return "/owners/campaigns/" + campaign + "/apply";
        }

        @Override
        String action() {
            return Actions.APPLY;
        }

        @Override
        ObjectNode args() {
            return Json.object().put("campaign", campaign).put("serial", serial).put("acceptPartial", partial);
        }
    }

    /** A payment or an advance: amount, reference, the day it was paid. */
    abstract static class Money extends Signed {
        @Parameters(index = "0", description = "The campaign's id.")
        String campaign;

        @Option(names = "--amount", required = true, description = "e.g. 6.00")
        String amount;

        @Option(names = "--reference", required = true, description = "Your payment reference.")
        String reference;

        @Option(names = "--paid-on", description = "The day it was paid (default: today).")
        LocalDate paidOn;

        ObjectNode money() {
            return Json.object()
                    .put("campaign", campaign)
                    .put("amount", amount)
                    .put("reference", reference)
                    .put("paidOn", (paidOn == null ? LocalDate.now() : paidOn).toString());
        }
    }

    @Command(
            name = "pay",
            mixinStandardHelpOptions = true,
            description = "Records a payment on an allocation; the one that completes it settles it.")
    static final class Pay extends Money {
        @Option(names = "--serial", required = true, description = "The funded certificate.")
        String serial;

        @Override
        String path() {
            return "/financers/campaigns/" + campaign + "/pay";
        }

        @Override
        String action() {
            return Actions.PAY;
        }

        @Override
        ObjectNode args() {
            return money().put("serial", serial);
        }
    }

    @Command(name = "advance", mixinStandardHelpOptions = true, description = "Pays an owner an advance before proof.")
    static final class Advance extends Money {
        @Option(names = "--owner", required = true, description = "The owner's DID.")
        String owner;

        @Override
        String path() {
            return "/financers/campaigns/" + campaign + "/advance";
        }

        @Override
        String action() {
            return Actions.ADVANCE;
        }

        @Override
        ObjectNode args() {
            return money().put("owner", owner);
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true, description = "Closes a campaign to new applications.")
    static final class Close extends Signed {
        @Parameters(index = "0", description = "The campaign's id.")
        String campaign;

        @Override
        String path() {
            return "/financers/campaigns/" + campaign + "/close";
        }

        @Override
        String action() {
            return Actions.CLOSE_CAMPAIGN;
        }

        @Override
        ObjectNode args() {
            return Json.object().put("campaign", campaign);
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Writes a campaign's allocations, payments or (with the financer's key) payroll as CSV.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "The campaign's id.")
        String campaign;

        @Parameters(index = "1", description = "allocations, payments or payroll")
        String kind;

        @Option(names = "--registry", required = true, description = "The registry's base URL.")
        URI registry;

        @Option(names = "--key", description = "The financer's private JWK (payroll only).")
        Path keyFile;

        @Option(names = "--kid", description = "The DID URL of that key.")
        String keyId;

        @Option(names = "--out", description = "Write to this file instead of the standard output.")
        Path outFile;

        @Override
        public Integer call() throws IOException, InterruptedException {
            String authorization = null;
            if ("payroll".equals(kind)) {
                if (keyFile == null || keyId == null) {
                    spec.commandLine().getErr().println("the payroll export needs the financer's --key and --kid");
                    return 2;
                }
                authorization = "Instruction "
                        + Instructions.sign(
                                SigningKey.parse(keyId, Files.readString(keyFile)),
                                Actions.READ_PAYROLL,
                                Json.object().put("campaign", campaign),
                                Instant.now());
            }
            final HttpResponse<String> response = new RegistryHttp(registry)
                    .get("/campaigns/" + campaign + "/exports/" + kind + ".csv", authorization);
            if (response.statusCode() != 200) {
                spec.commandLine().getErr().println(response.body());
                return 1;
            }
            if (outFile == null) {
                spec.commandLine().getOut().print(response.body());
            } else {
                Files.writeString(outFile, response.body());
            }
            return 0;
        }
    }

    @Command(
            name = "consent",
            mixinStandardHelpOptions = true,
            description =
                    "An employee consents, with their own did:key, to proofs of some months reaching the employer.")
    static final class Consent implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--registry", required = true, description = "The registry's base URL.")
        URI registry;

        @Option(names = "--key", required = true, description = "The employee's private Ed25519 JWK (a did:key).")
        Path keyFile;

        @Option(names = "--employer", required = true, description = "The employer's DID.")
        String employer;

        @Option(names = "--id", required = true, description = "Your pseudonymous id with that employer.")
        String pseudonym;

        @Option(names = "--month", required = true, description = "A month, YYYY-MM; repeat for several.")
        List<String> months;

        @Option(
                names = "--proof",
                description =
                        "A claim field you agree to share (default: trip_date, leg, mode, distance_km, proof_level).")
        List<String> proofs;

        @Override
        public Integer call() throws IOException, InterruptedException {
            final Party self = new Party();
            self.keyFile = keyFile;
            final SigningKey key = self.key();
            final Instant now = Instant.now();
            final var consent = VcJwt.sign(
                    ImpactCredentials.consent(
                            "urn:uuid:" + UUID.randomUUID(),
                            key.did(),
                            employer,
                            Subjects.digest(employer, pseudonym),
                            months,
                            proofs == null ? List.of("trip_date", "leg", "mode", "distance_km", "proof_level") : proofs,
                            null,
                            now),
                    key,
                    now);
            final ObjectNode body = Json.object();
            body.putArray("credentials").add(consent.compact());
            final HttpResponse<String> response = new RegistryHttp(registry).post("/employees/consents", body);
            spec.commandLine().getOut().println(response.body());
            return response.statusCode() / 100 == 2 ? 0 : 1;
        }
    }
}
