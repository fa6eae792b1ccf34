package io.impactproof.benchmarks;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.Instructions;
import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.ledger.embedded.EmbeddedLedger;
import io.impactproof.ledger.embedded.EmbeddedLedgerPort;
import io.impactproof.ledger.fabric.FabricLedgerPort;
import io.impactproof.ledger.fabric.FabricSettings;
import io.impactproof.model.Actions;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.protocol.PublishedProtocol;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's pipeline on the Fabric network of {@code network/impactnet} (two organisations,
 * both endorsing every transaction, three Raft orderers) and, in the same run, on the embedded
 * ledger: claims per second, attestations, certificates and the full pipeline with batches sent by
 * several clients at once (so blocks fill), then the latency of one claim submission and of the
 * ledger read behind a certificate verification through each organisation's own peer.
 *
 * <p>Run on a freshly created network (it registers its own operator for Org1MSP):
 * {@code network/impactnet clean && network/impactnet up && java -cp benchmarks/target/benchmarks.jar
 * io.impactproof.benchmarks.FabricBenchmark network/.data 2000 100 4}
 */
public final class FabricBenchmark {
    private static final String ORG = "Org1MSP";
    private static final String PROTOCOL = "cargo-bike-delivery";
    private static final String BASE = "https://registry.impactproof.test";

    private FabricBenchmark() {}

    public static void main(final String[] args) throws Exception {
        final Path net = Path.of(args.length > 0 ? args[0] : "network/.data");
        final int claims = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        final int batch = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        final int clients = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        final double verifyPerSecond = PipelineBenchmark.verifyRate(SigningKey.generateEd25519DidKey());
        System.out.printf(
                Locale.ROOT,
                "claims=%d batch=%d clients=%d cores=%d java=%s%nEdDSA vc+jwt verify, 1 thread: %.0f/s%n",
                claims,
                batch,
                clients,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                verifyPerSecond);

        try (FabricLedgerPort org1 = FabricLedgerPort.connect(settings(net.resolve("org1.properties")));
                FabricLedgerPort org2 = FabricLedgerPort.connect(settings(net.resolve("org2.properties")))) {
            final Parties parties = Parties.bootstrap(new RegistryClient(org1));
            // As on the embedded ledger, an unmeasured round first: both chaincode servers' JITs
            // compile the path while it runs.
            run(
                    "fabric (warm-up)",
                    parties,
                    new RegistryClient(org1),
                    Math.max(batch, claims / 4),
                    batch,
                    clients,
                    "FWARM-");
            run("fabric", parties, new RegistryClient(org1), claims, batch, clients, "FAB-");
            latencies(parties, org1, org2);
        }
        final Path dir = Files.createTempDirectory("impactproof-bench");
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, Clock.systemUTC());
                EmbeddedLedgerPort port = EmbeddedLedgerPort.sharing(ledger, ORG)) {
            final RegistryClient registry = new RegistryClient(port);
            final Parties parties = Parties.bootstrap(registry);
            run("embedded (warm-up)", parties, registry, Math.max(batch, claims / 4), batch, clients, "WARM-");
            run("embedded", parties, registry, claims, batch, clients, "EMB-");
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(final Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (final Path p :
                    files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The participants of a run: an operator, an owner, five verifiers, a validator, the protocol. */
    private record Parties(
            SigningKey operator,
            SigningKey owner,
            List<SigningKey> verifiers,
            SigningKey validator,
            PublishedProtocol protocol) {
        static Parties bootstrap(final RegistryClient registry) throws IOException {
            final String run = Long.toString(System.currentTimeMillis(), 36);
            final SigningKey operator =
                    SigningKey.of("did:web:operator-" + run + ".bench.example#key-1", SigningKey.newEd25519());
            final SigningKey owner = SigningKey.generateEd25519DidKey();
            final SigningKey validator =
                    SigningKey.of("did:web:validator-" + run + ".bench.example#key-1", SigningKey.newEd25519());
            final List<SigningKey> verifiers = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                verifiers.add(SigningKey.of(
                        "did:web:verifier-" + i + "-" + run + ".bench.example#key-1", SigningKey.newEd25519()));
            }
            PipelineBenchmark.register(registry, operator, operator, "operator");
            PipelineBenchmark.register(registry, operator, owner, "owner");
            PipelineBenchmark.register(registry, operator, validator, "validator");
            for (final SigningKey v : verifiers) {
                PipelineBenchmark.register(registry, operator, v, "verifier");
            }
            final ObjectNode publish = Json.object().put("definition", PipelineBenchmark.bundled());
            final ObjectNode bindings = publish.putObject("bindings");
            for (int i = 0; i < 5; i++) {
                bindings.put("verifier-" + (i + 1), verifiers.get(i).did());
            }
            bindings.put("validator", validator.did());
            registry.publish(Instructions.sign(operator, Actions.PUBLISH, publish, Instant.now()));
            return new Parties(operator, owner, verifiers, validator, registry.protocol(PROTOCOL, "1.1.0"));
        }
    }

    private static void run(
            final String label,
            final Parties p,
            final RegistryClient registry,
            final int claims,
            final int batch,
            final int clients,
            final String prefix)
            throws Exception {
        final List<SignedCredential> signed = new ArrayList<>();
        for (int i = 0; i < claims; i++) {
            signed.add(claim(p, prefix + UUID.randomUUID()));
        }
        final double ingest = parallel(batches(signed, batch), clients, registry::submitClaims);

        final List<SignedCredential> attestations = new ArrayList<>();
        for (final SignedCredential claim : signed) {
            for (final SigningKey verifier : p.verifiers()) {
                attestations.add(VcJwt.sign(
                        ImpactCredentials.attestation(
                                "urn:uuid:" + UUID.randomUUID(),
                                verifier.did(),
                                claim,
                                BASE + "/c",
                                p.protocol(),
                                "11.58",
                                "Verified",
                                Instant.now()),
                        verifier,
                        Instant.now()));
            }
        }
        // A claim's attestations stay in one batch (different batches of one claim conflict).
        final double attest = parallel(batches(attestations, batch - batch % 5), clients, registry::attest);

        final double validate = parallel(batches(signed, batch), clients, lot -> {
            final ObjectNode issue = Json.object();
            final ArrayNode ids = issue.putArray("claims");
            lot.forEach(c -> ids.add(c.credential().id().orElseThrow()));
            final List<CertificateRecord> records =
                    registry.issue(Instructions.sign(p.validator(), Actions.ISSUE, issue, Instant.now()));
            final List<SignedCredential> certificates = new ArrayList<>();
            for (final CertificateRecord record : records) {
                certificates.add(VcJwt.sign(
                        ImpactCredentials.certificate(
                                record,
                                p.protocol(),
                                BASE,
                                BASE + "/c",
                                record.attestations().stream()
                                        .map(a -> BASE + "/credentials/" + a.digestSRI())
                                        .toList(),
                                List.of(),
                                Instant.now()),
                        p.validator(),
                        Instant.now()));
            }
            registry.attach(certificates);
        });
        System.out.printf(
                Locale.ROOT,
                "%s: claims %.0f/s, attestations %.0f/s, certificates %.0f/s, full pipeline %.0f claims/s (%d claims in %.1f s)%n",
                label,
                claims / ingest,
                attestations.size() / attest,
                claims / validate,
                claims / (ingest + attest + validate),
                claims,
                ingest + attest + validate);
    }

    private static SignedCredential claim(final Parties p, final String tracking) {
        return Deliveries.claim(p.owner(), p.protocol(), tracking, List.of());
    }

    /** One claim at a time through org1, then the ledger read of a verification through each peer. */
    private static void latencies(final Parties p, final LedgerPort org1, final LedgerPort org2) {
        final RegistryClient one = new RegistryClient(org1);
        final RegistryClient two = new RegistryClient(org2);
        final int n = 60;
        final long[] submit = new long[n];
        for (int i = 0; i < n; i++) {
            final SignedCredential claim = claim(p, "LAT-" + UUID.randomUUID());
            final long start = System.nanoTime();
            one.submitClaims(List.of(claim));
            submit[i] = System.nanoTime() - start;
        }
        final String serial = firstSerial(one, p);
        final long[] read1 = new long[n];
        final long[] read2 = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            one.certificate(serial);
            read1[i] = System.nanoTime() - start;
            start = System.nanoTime();
            two.certificate(serial);
            read2[i] = System.nanoTime() - start;
        }
        System.out.println("latency, one claim submitted through org1 (endorsed by both, ordered, committed): "
                + percentiles(submit));
        System.out.println("latency, certificate read for a verification through org1's peer: " + percentiles(read1));
        System.out.println("latency, certificate read for a verification through org2's peer: " + percentiles(read2));
    }

    private static String firstSerial(final RegistryClient registry, final Parties p) {
        return registry.holdings(p.owner().did()).get(0).serial();
    }

    private static String percentiles(final long[] nanos) {
        final long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "p50 %.1f ms, p99 %.1f ms (n=%d)",
                sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted.length);
    }

    private static <T> List<List<T>> batches(final List<T> items, final int size) {
        final List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return out;
    }

    /** Sends the batches from {@code clients} threads at once; the seconds until the last commits. */
    private static <T> double parallel(final List<List<T>> batches, final int clients, final Consumer<List<T>> send)
            throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            final long start = System.nanoTime();
            final List<Future<?>> futures = new ArrayList<>();
            for (final List<T> lot : batches) {
                futures.add(pool.submit(() -> send.accept(lot)));
            }
            for (final Future<?> f : futures) {
                f.get();
            }
            return Duration.ofNanos(System.nanoTime() - start).toMillis() / 1e3;
        } finally {
            pool.shutdown();
        }
    }

    private static FabricSettings settings(final Path file) throws IOException {
        final Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        }
        final String prefix = "impactproof.ledger.fabric.";
        return new FabricSettings(
                p.getProperty(prefix + "peer-endpoint"),
                Path.of(p.getProperty(prefix + "tls-root-cert")),
                Path.of(p.getProperty(prefix + "certificate")),
                Path.of(p.getProperty(prefix + "private-key")),
                p.getProperty("impactproof.msp-id"),
                p.getProperty(prefix + "channel"),
                p.getProperty(prefix + "chaincode"),
                List.of(p.getProperty(prefix + "endorsing-organisations", "").split(",")),
                3,
                Duration.ofSeconds(30),
                Duration.ofSeconds(120),
                Duration.ofSeconds(30),
                Duration.ofSeconds(120));
    }
}
