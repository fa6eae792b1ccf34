package io.impactproof.cli;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.Instructions;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.credentials.jwt.VcJwtVerifier;
import io.impactproof.model.Actions;
import io.impactproof.model.LedgerJson;
import io.impactproof.model.attestation.AttestationRecord;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.claim.ClaimRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A validator as an independent party: its own process and key, against any gateway's API. It
 * reads the VERIFIED claims it is designated for, checks each claim's signature itself, has the
 * ledger issue their certificates (the ledger enforces uniqueness and fixes the value), then signs
 * each certificate credential, stating exactly what the ledger recorded, and attaches it. A
 * certificate left ISSUED by an interrupted run is attached by the next.
 */
@Command(
        name = "validator",
        mixinStandardHelpOptions = true,
        description = "Runs a validator with its own key against a registry: certifies the verified claims.")
final class ValidatorAgentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AgentOptions options;

    @Option(names = "--base-url", description = "The public URL the certificates name (default: the registry's URL).")
    URI baseUrl;

    private RegistryHttp http;
    private SigningKey key;

    @Override
    public Integer call() throws IOException, InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        http = new RegistryHttp(options.registry);
        key = options.key();
        out.println("validator " + key.did() + " on " + options.registry);
        // Watching, a pass starts as soon as the ledger says there may be work, else after the interval.
        try (Wakeups wakeups = options.once ? null : Wakeups.start(options.registry, Set.of("AttestationsRecorded"))) {
            while (true) {
                final int[] counts = sweep(out);
                out.printf("certified %d, left %d%n", counts[0], counts[1]);
                out.flush();
                if (options.once) {
                    return 0;
                }
                wakeups.await(options.interval);
            }
        }
    }

    /** One pass: the certificates left ISSUED, then the VERIFIED claims; {certified, left for later}. */
    private int[] sweep(final PrintWriter out) throws IOException, InterruptedException {
        final int[] counts = new int[2];
        final List<CertificateRecord> pending =
                records("/validators/" + RegistryHttp.pathDid(key.did()) + "/issued", CertificateRecord.class);
        counts[0] += attach(pending, out, counts);
        String bookmark = "";
        do {
            final JsonNode pageNode = http.json(
                    "/validators/" + RegistryHttp.pathDid(key.did()) + "/awaiting?pageSize=" + options.page
                            + "&bookmark=" + URLEncoder.encode(bookmark, StandardCharsets.UTF_8),
                    null);
            bookmark = pageNode.path("bookmark").stringValue("");
            final List<String> ids = new ArrayList<>();
            for (final ClaimRecord claim : LedgerJson.readList(
                    Json.write(pageNode.path("records")).getBytes(StandardCharsets.UTF_8), ClaimRecord.class)) {
                try {
                    claimCredential(claim);
                    ids.add(claim.id());
                } catch (IOException | RuntimeException e) {
                    out.println("not certifying " + claim.id() + ": " + e.getMessage());
                    counts[1]++;
                }
            }
            if (ids.isEmpty()) {
                continue;
            }
            final ObjectNode args = Json.object();
            ids.forEach(args.putArray("claims")::add);
            final HttpResponse<String> issued = http.post(
                    "/validators/certificates",
                    Json.object().put("instruction", Instructions.sign(key, Actions.ISSUE, args, Instant.now())));
            if (issued.statusCode() != 201) {
                out.println("the registry refused to issue: " + issued.statusCode() + " " + issued.body());
                counts[1] += ids.size();
                continue;
            }
            counts[0] += attach(
                    LedgerJson.readList(issued.body().getBytes(StandardCharsets.UTF_8), CertificateRecord.class),
                    out,
                    counts);
        } while (!bookmark.isEmpty());
        return counts;
    }

    /** Signs and attaches the certificates' credentials; returns how many became ACTIVE. */
    private int attach(final List<CertificateRecord> issued, final PrintWriter out, final int[] counts)
            throws IOException, InterruptedException {
        if (issued.isEmpty()) {
            return 0;
        }
        final ObjectNode body = Json.object();
        final var array = body.putArray("credentials");
        for (final CertificateRecord certificate : issued) {
            array.add(credential(certificate).compact());
        }
        final HttpResponse<String> answer = http.post("/validators/certificates/credentials", body);
        if (answer.statusCode() != 200) {
            out.println("the registry refused the credentials: " + answer.statusCode() + " " + answer.body());
            counts[1] += issued.size();
            return 0;
        }
        return issued.size();
    }

    /** The certificate credential, stating exactly what the ledger recorded. */
    private SignedCredential credential(final CertificateRecord certificate) throws IOException, InterruptedException {
        final ClaimRecord claim = LedgerJson.read(
                Json.write(http.json("/owners/claims/" + path(certificate.claim()), null))
                        .getBytes(StandardCharsets.UTF_8),
                ClaimRecord.class);
        final Map<String, String> hexBySri =
                records("/verifiers/claims/" + path(claim.id()) + "/attestations", AttestationRecord.class).stream()
                        .collect(
                                Collectors.toMap(AttestationRecord::digestSRI, AttestationRecord::digest, (a, b) -> a));
        final String base =
                (baseUrl == null ? options.registry : baseUrl).toString().replaceAll("/+$", "");
        final var vc = ImpactCredentials.certificate(
                certificate,
                http.protocol(certificate.protocol()),
                base,
                base + "/artifacts/sha256/" + claim.digest(),
                certificate.attestations().stream()
                        .map(a -> base + "/artifacts/sha256/" + hexBySri.get(a.digestSRI()))
                        .toList(),
                claimCredential(claim).credential().evidence(),
                Instant.now());
        return VcJwt.sign(vc, key, Instant.now());
    }

    /** The signed claim, read with a claims.read this validator signs, its owner's signature checked here. */
    private SignedCredential claimCredential(final ClaimRecord claim) throws IOException, InterruptedException {
        final String instruction =
                Instructions.sign(key, Actions.READ_CLAIM, Json.object().put("claim", claim.id()), Instant.now());
        final HttpResponse<String> answer =
                http.get("/verifiers/claims/" + path(claim.id()) + "/credential", "Instruction " + instruction);
        if (answer.statusCode() != 200) {
            throw new IOException("reading the claim: " + answer.statusCode() + " " + answer.body());
        }
        final SignedCredential signed = VcJwtVerifier.builder(http.keys())
                .clock(Clock.systemUTC())
                .leeway(Duration.ofMinutes(5))
                .build()
                .verify(answer.body().trim());
        if (!signed.sha256Hex().equals(claim.digest())) {
            throw new IOException("the claim credential served is not the one the ledger records");
        }
        return signed;
    }

    private <T> List<T> records(final String path, final Class<T> type) throws IOException, InterruptedException {
        final JsonNode node = http.json(path, null);
        final JsonNode list = node.isArray() ? node : node.path("records");
        return LedgerJson.readList(Json.write(list).getBytes(StandardCharsets.UTF_8), type);
    }

    private static String path(final String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
