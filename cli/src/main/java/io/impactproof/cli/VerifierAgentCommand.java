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
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolCache;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.engine.CompiledProtocol;
import io.impactproof.protocols.engine.Evaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A verifier as an independent party: its own process, its own key (read from a local file, never
 * sent anywhere), talking to any gateway's public API. It reads the claims awaiting it, fetches each
 * signed claim with a {@code claims.read} instruction it signs, checks the claim's signature itself,
 * recomputes the value with the protocol engine from the protocol definition the ledger anchors,
 * and signs and sends its attestations, a page per request. The ledger decides everything else
 * (designation, consensus). Claims under a protocol that needs a reference implementation
 * ({@code verification.reference}, e.g. BoaviztAPI) are left to verifiers that run one.
 */
@Command(
        name = "verifier",
        mixinStandardHelpOptions = true,
        description = "Runs a verifier with its own key against a registry: attests the claims awaiting it.")
final class VerifierAgentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AgentOptions options;

    /** The registry's API, once the options are parsed. */
    private RegistryHttp http;

    @Override
    public Integer call() throws IOException, InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        http = new RegistryHttp(options.registry);
        final SigningKey key = options.key();
        out.println("verifier " + key.did() + " on " + options.registry);
        // Watching, a pass starts as soon as the ledger says there may be work, else after the interval.
        try (Wakeups wakeups = options.once ? null : Wakeups.start(options.registry, Set.of("ClaimsSubmitted"))) {
            while (true) {
                final int[] counts = sweep(key, out);
                out.printf("attested %d, rejected %d, left %d%n", counts[0], counts[1], counts[2]);
                out.flush();
                if (options.once) {
                    return 0;
                }
                wakeups.await(options.interval);
            }
        }
    }

    /** One pass over the claims awaiting this verifier: {attested, rejected, left for later}. */
    private int[] sweep(final SigningKey key, final PrintWriter out) throws IOException, InterruptedException {
        final int[] counts = new int[3];
        String bookmark = "";
        do {
            final JsonNode pageNode = RegistryHttp.json(http.get(
                    "/verifiers/" + RegistryHttp.pathDid(key.did()) + "/awaiting?pageSize=" + options.page
                            + "&bookmark=" + URLEncoder.encode(bookmark, StandardCharsets.UTF_8),
                    null));
            final List<ClaimRecord> claims = LedgerJson.readList(
                    Json.write(pageNode.path("records")).getBytes(StandardCharsets.UTF_8), ClaimRecord.class);
            bookmark = pageNode.path("bookmark").stringValue("");
            final List<SignedCredential> attestations = new ArrayList<>();
            for (final ClaimRecord claim : claims) {
                try {
                    final SignedCredential attestation = attest(key, claim);
                    if (attestation == null) {
                        counts[2]++;
                        continue;
                    }
                    attestations.add(attestation);
                    counts[
                            "Rejected"
                                            .equals(attestation
                                                    .credential()
                                                    .subject()
                                                    .path("outcome")
                                                    .stringValue(""))
                                    ? 1
                                    : 0]++;
                } catch (IOException | RuntimeException e) {
                    out.println("could not attest " + claim.id() + ": " + e.getMessage());
                    counts[2]++;
                }
            }
            if (!attestations.isEmpty()) {
                final ObjectNode body = Json.object();
                final var array = body.putArray("credentials");
                attestations.forEach(a -> array.add(a.compact()));
                final HttpResponse<String> answer = http.post("/verifiers/attestations", body);
                if (answer.statusCode() != 201) {
                    out.println("the registry refused the page: " + answer.statusCode() + " " + answer.body());
                    counts[2] += attestations.size();
                    counts[0] = 0;
                    counts[1] = 0;
                    return counts;
                }
            }
        } while (!bookmark.isEmpty());
        return counts;
    }

    /** The attestation of one claim record, or null when this verifier cannot check it here. */
    private SignedCredential attest(final SigningKey key, final ClaimRecord claim)
            throws IOException, InterruptedException {
        final PublishedProtocol protocol = http.protocol(claim.protocol());
        final CompiledProtocol compiled = ProtocolCache.compiled(protocol.digest(), protocol.definition());
        if (compiled.protocol().verification().reference() != null) {
            return null;
        }
        final String instruction =
                Instructions.sign(key, Actions.READ_CLAIM, Json.object().put("claim", claim.id()), Instant.now());
        final HttpResponse<String> credential = http.get(
                "/verifiers/claims/" + URLEncoder.encode(claim.id(), StandardCharsets.UTF_8) + "/credential",
                "Instruction " + instruction);
        if (credential.statusCode() != 200) {
            throw new IOException("reading the claim: " + credential.statusCode() + " " + credential.body());
        }
        final String compact = credential.body().trim();
        // The owner's signature is checked here too: this verifier trusts the ledger's keys, not the node.
        final SignedCredential signed = VcJwtVerifier.builder(http.keys())
                .clock(Clock.systemUTC())
                .leeway(Duration.ofMinutes(5))
                .build()
                .verify(compact);
        String outcome = "Verified";
        BigDecimal value;
        if (!signed.sha256Hex().equals(claim.digest())) {
            // Not the bytes the ledger pins: nothing in them can be trusted.
            throw new IOException("the claim credential served is not the one the ledger records");
        }
        try {
            final Evaluation evaluation =
                    compiled.evaluate(signed.credential().subject().get("data"));
            value = evaluation.value(claim.category()).orElse(BigDecimal.ZERO);
            if (!evaluation.eligible()) {
                outcome = "Rejected";
                value = BigDecimal.ZERO;
            }
        } catch (ProtocolException e) {
            outcome = "Rejected";
            value = BigDecimal.ZERO;
        }
        final var vc = ImpactCredentials.attestation(
                "urn:uuid:" + UUID.randomUUID(),
                key.did(),
                signed,
                http.resolve("/artifacts/sha256/" + claim.digest()).toString(),
                protocol,
                new ImpactCredentials.Attested(
                        claim.id(),
                        claim.unit(),
                        value.setScale(protocol.decimals(), RoundingMode.HALF_EVEN)
                                .toPlainString(),
                        outcome,
                        null),
                Instant.now());
        return VcJwt.sign(vc, key, Instant.now());
    }
}
