package io.impactproof.benchmarks;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.Instructions;
import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.ledger.embedded.EmbeddedLedger;
import io.impactproof.ledger.embedded.EmbeddedLedgerPort;
import io.impactproof.model.Actions;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * End-to-end throughput and footprint of the embedded ledger (a plain program, not JMH: each phase
 * is one long measured run). Phases, each timed alone with every credential signed beforehand:
 * claim ingest (batches), attestations (5 per claim, batches), validation (issue + attach the signed
 * certificate). Prints throughput, the ratio to the machine's single-core EdDSA verify rate measured
 * in the same run, and ledger bytes per claim and per certificate.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.impactproof.benchmarks.PipelineBenchmark [claims] [batch]</pre>
 */
public final class PipelineBenchmark {
    private static final String ORG = "Org1MSP";
    private static final String PROTOCOL = "cargo-bike-delivery";
    private static final String BASE = "https://registry.impactproof.test";

    /** Submitting threads of the concurrent ingest: the HTTP load test's default number of clients. */
    private static final int CLIENTS = 4;

    private PipelineBenchmark() {}

    public static void main(final String[] args) throws IOException {
        final int claims = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        final int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        // A third argument keeps the ledger there (e.g. to start a gateway on it); else a temporary folder.
        final boolean keep = args.length > 2;
        final Path dir =
                keep ? Files.createDirectories(Path.of(args[2])) : Files.createTempDirectory("impactproof-bench");
        try {
            run(dir, claims, batch);
        } finally {
            if (!keep) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    private static void run(final Path dir, final int claims, final int batch) throws IOException {
        final SigningKey operator = SigningKey.of("did:web:operator.bench.example#key-1", SigningKey.newEd25519());
        final SigningKey owner = SigningKey.generateEd25519DidKey();
        final SigningKey validator = SigningKey.of("did:web:validator.bench.example#key-1", SigningKey.newEd25519());
        final List<SigningKey> verifiers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            verifiers.add(SigningKey.of("did:web:verifier-" + i + ".bench.example#key-1", SigningKey.newEd25519()));
        }
        final double verifyPerSecond = verifyRate(owner);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC());
                EmbeddedLedgerPort port = EmbeddedLedgerPort.sharing(ledger, ORG)) {
            final RegistryClient registry = new RegistryClient(port);
            register(registry, operator, operator, "operator");
            register(registry, operator, owner, "owner");
            register(registry, operator, validator, "validator");
            verifiers.forEach(v -> register(registry, operator, v, "verifier"));
            final ObjectNode publish = Json.object().put("definition", bundled());
            final ObjectNode bindings = publish.putObject("bindings");
            for (int i = 0; i < 5; i++) {
                bindings.put("verifier-" + (i + 1), verifiers.get(i).did());
            }
            bindings.put("validator", validator.did());
            registry.publish(Instructions.sign(operator, Actions.PUBLISH, publish, Instant.now()));
            final PublishedProtocol protocol = registry.protocol(PROTOCOL, "1.1.0");

            // A first, unmeasured round as large as the measured one lets the JIT compile the whole
            // path (it competes for the two cores while it does). A quarter was too little: the
            // protocol engine's CEL interpreter needs some 5 s of evaluations to reach its steady
            // rate (ProtocolBenchmark: 1,300 → 38,000 evaluations/s over five 1 s warm-up
            // iterations), so the measured ingest still ran half-compiled code.
            runPipeline(ledger, registry, protocol, owner, verifiers, validator, claims, batch, "WARM-");
            final EmbeddedLedger.Stats before = ledger.stats();
            final Timings t =
                    runPipeline(ledger, registry, protocol, owner, verifiers, validator, claims, batch, "BENCH-");
            final double ingestSeconds = t.ingest();
            final double attestSeconds = t.attest();
            final double validateSeconds = t.validate();
            final EmbeddedLedger.Stats afterClaims = t.afterClaims();
            final EmbeddedLedger.Stats afterAttestations = t.afterAttestations();
            final EmbeddedLedger.Stats after = ledger.stats();
            final int attestationCount = claims * verifiers.size();
            final double ingestRate = claims / ingestSeconds;
            final double attestRate = attestationCount / attestSeconds;
            final double certRate = claims / validateSeconds;
            final double pipelineRate = claims / (ingestSeconds + attestSeconds + validateSeconds);
            // Crypto limit of the full pipeline per claim: 7 verifications (claim, 5 attestations,
            // issue instruction, certificate: 8) and 1 signature (the certificate) on one core.
            final double pipelineLimit = 1 / (8 / verifyPerSecond + 1 / signRate(validator));
            System.out.printf(
                    Locale.ROOT,
                    "claims=%d batch=%d cores=%d java=%s%n",
                    claims,
                    batch,
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            System.out.printf(Locale.ROOT, "EdDSA vc+jwt verify, 1 thread: %.0f/s%n", verifyPerSecond);
            System.out.printf(
                    Locale.ROOT,
                    "claim ingest: %.0f claims/s = %.0f%% of one core's verify rate%n",
                    ingestRate,
                    100 * ingestRate / verifyPerSecond);
            System.out.printf(
                    Locale.ROOT,
                    "attestations: %.0f/s = %.0f%% of one core's verify rate%n",
                    attestRate,
                    100 * attestRate / verifyPerSecond);
            System.out.printf(
                    Locale.ROOT, "validation (issue, sign and attach certificates): %.0f certificates/s%n", certRate);
            System.out.printf(
                    Locale.ROOT,
                    "full pipeline: %.0f claims/s = %.0f%% of its one-core crypto limit (%.0f/s)%n",
                    pipelineRate,
                    100 * pipelineRate / pipelineLimit,
                    pipelineLimit);
            System.out.printf(
                    Locale.ROOT,
                    "ledger per claim at submission: %.0f state bytes, %.0f block-log bytes%n",
                    (double) (afterClaims.stateBytes() - before.stateBytes()) / claims,
                    (double) (afterClaims.logBytes() - before.logBytes()) / claims);
            System.out.printf(
                    Locale.ROOT,
                    "ledger per attestation: %.0f state bytes, %.0f block-log bytes%n",
                    (double) (afterAttestations.stateBytes() - afterClaims.stateBytes()) / attestationCount,
                    (double) (afterAttestations.logBytes() - afterClaims.logBytes()) / attestationCount);
            System.out.printf(
                    Locale.ROOT,
                    "ledger per certificate (issue + attach): %.0f state bytes, %.0f block-log bytes%n",
                    (double) (after.stateBytes() - afterAttestations.stateBytes()) / claims,
                    (double) (after.logBytes() - afterAttestations.logBytes()) / claims);
            System.out.printf(
                    Locale.ROOT,
                    "ledger in all per certified claim: %.0f state bytes, %.0f block-log bytes%n",
                    (double) (after.stateBytes() - before.stateBytes()) / claims,
                    (double) (after.logBytes() - before.logBytes()) / claims);
            final int cores = Runtime.getRuntime().availableProcessors();
            final double concurrentRate = concurrentIngest(registry, protocol, owner, claims, batch, CLIENTS);
            System.out.printf(
                    Locale.ROOT,
                    "claim ingest from %d submitting threads (as concurrent clients): %.0f claims/s = %.0f%% of the %d"
                            + " cores' verify rate%n",
                    CLIENTS,
                    concurrentRate,
                    100 * concurrentRate / (cores * verifyPerSecond),
                    cores);
            System.out.printf(
                    Locale.ROOT,
                    "heap used after run: %d MiB%n",
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        }
    }

    private record Timings(
            double ingest,
            double attest,
            double validate,
            EmbeddedLedger.Stats afterClaims,
            EmbeddedLedger.Stats afterAttestations) {}

    private static Timings runPipeline(
            final EmbeddedLedger ledger,
            final RegistryClient registry,
            final PublishedProtocol protocol,
            final SigningKey owner,
            final List<SigningKey> verifiers,
            final SigningKey validator,
            final int claims,
            final int batch,
            final String prefix) {
        final List<SignedCredential> signedClaims = new ArrayList<>();
        for (int i = 0; i < claims; i++) {
            signedClaims.add(Deliveries.claim(owner, protocol, prefix + i, List.of()));
        }
        final long ingestStart = System.nanoTime();
        for (int i = 0; i < claims; i += batch) {
            registry.submitClaims(signedClaims.subList(i, Math.min(claims, i + batch)));
        }
        final double ingest = (System.nanoTime() - ingestStart) / 1e9;
        final EmbeddedLedger.Stats afterClaims = ledger.stats();

        final List<SignedCredential> attestations = new ArrayList<>();
        for (final SignedCredential claim : signedClaims) {
            for (final SigningKey verifier : verifiers) {
                attestations.add(VcJwt.sign(
                        ImpactCredentials.attestation(
                                "urn:uuid:" + UUID.randomUUID(),
                                verifier.did(),
                                claim,
                                BASE + "/c",
                                protocol,
                                "11.58",
                                "Verified",
                                Instant.now()),
                        verifier,
                        Instant.now()));
            }
        }
        final long attestStart = System.nanoTime();
        for (int i = 0; i < attestations.size(); i += batch) {
            registry.attest(attestations.subList(i, Math.min(attestations.size(), i + batch)));
        }
        final double attest = (System.nanoTime() - attestStart) / 1e9;
        final EmbeddedLedger.Stats afterAttestations = ledger.stats();

        final long validateStart = System.nanoTime();
        for (int i = 0; i < claims; i += batch) {
            final ObjectNode issue = Json.object();
            final ArrayNode ids = issue.putArray("claims");
            signedClaims
                    .subList(i, Math.min(claims, i + batch))
                    .forEach(c -> ids.add(c.credential().id().orElseThrow()));
            final List<CertificateRecord> records =
                    registry.issue(Instructions.sign(validator, Actions.ISSUE, issue, Instant.now()));
            final List<SignedCredential> certificates = new ArrayList<>();
            for (final CertificateRecord record : records) {
                final var vc = ImpactCredentials.certificate(
                        record,
                        protocol,
                        BASE,
                        BASE + "/c",
                        record.attestations().stream()
                                .map(a -> BASE + "/credentials/" + a.digestSRI())
                                .toList(),
                        List.of(),
                        Instant.now());
                certificates.add(VcJwt.sign(vc, validator, Instant.now()));
            }
            registry.attach(certificates);
        }
        final double validate = (System.nanoTime() - validateStart) / 1e9;

        return new Timings(ingest, attest, validate, afterClaims, afterAttestations);
    }

    /**
     * Claims submitted by several threads, each its own batches, as a gateway receives them
     * from concurrent clients: the ledger executes the transactions in parallel and commits them
     * in groups. The single-thread ingest above leaves a core idle while a batch's chaincode runs.
     */
    private static double concurrentIngest(
            final RegistryClient registry,
            final PublishedProtocol protocol,
            final SigningKey owner,
            final int claims,
            final int batch,
            final int threads) {
        final List<List<SignedCredential>> batches = new ArrayList<>();
        for (int i = 0; i < claims; i += batch) {
            final List<SignedCredential> one = new ArrayList<>();
            for (int j = i; j < Math.min(claims, i + batch); j++) {
                one.add(Deliveries.claim(owner, protocol, "PAR-" + j, List.of()));
            }
            batches.add(one);
        }
        final var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            final var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            final long cpuStart = os.getProcessCpuTime();
            final long start = System.nanoTime();
            final List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (final List<SignedCredential> one : batches) {
                sent.add(pool.submit(() -> registry.submitClaims(one)));
            }
            for (final var future : sent) {
                future.get();
            }
            final long elapsed = System.nanoTime() - start;
            System.out.printf(
                    Locale.ROOT,
                    "  (the process used %.2f cores during it)%n",
                    (double) (os.getProcessCpuTime() - cpuStart) / elapsed);
            return claims / (elapsed / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a concurrent batch was refused", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static double verifyRate(final SigningKey key) {
        final var verifier = io.impactproof.credentials.jwt.VcJwtVerifier.builder(
                        io.impactproof.credentials.did.DidKey.RESOLVER)
                .build();
        final String compact =
                VcJwt.sign(VcJwtBenchmark.claim(key.did()), key, Instant.now()).compact();
        for (int i = 0; i < 20_000; i++) {
            verifier.verify(compact);
        }
        final int n = 20_000;
        final long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            verifier.verify(compact);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double signRate(final SigningKey key) {
        final var vc = VcJwtBenchmark.claim(key.did());
        final int n = 20_000;
        for (int i = 0; i < n; i++) {
            VcJwt.sign(vc, key, Instant.now());
        }
        final long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            VcJwt.sign(vc, key, Instant.now());
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    static void register(
            final RegistryClient registry, final SigningKey operator, final SigningKey who, final String role) {
        final var args = Instructions.registration(who.did(), who.did(), ORG, List.of(role), who);
        registry.register(Instructions.sign(operator, Actions.REGISTER, args, Instant.now()));
    }

    static String bundled() throws IOException {
        try (InputStream in = ProtocolLoader.class.getResourceAsStream(
                "/io/impactproof/protocols/definitions/" + PROTOCOL + "-1.1.0.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
