package io.impactproof.benchmarks.load;

import io.impactproof.benchmarks.Deliveries;
import io.impactproof.benchmarks.Harness;
import io.impactproof.benchmarks.soak.GatewayProcess;
import io.impactproof.benchmarks.soak.Registry;
import io.impactproof.credentials.did.DidDocument;
import io.impactproof.credentials.did.DidKey;
import io.impactproof.credentials.did.DocumentKeyResolver;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwtVerifier;
import io.impactproof.model.protocol.PublishedProtocol;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The service as users run it, under load: a gateway process (its agents on) on a loopback port,
 * {@code --clients} owners each posting pre-signed claims in requests of {@code --batch} claims, as
 * fast as the gateway answers; every claim followed until its certificate is ACTIVE, on one
 * stream of the ledger's events. A warm-up burst
 * of {@code --warmup} claims (as many as {@code --claims} unless told, as the pipeline benchmark
 * warms up) is certified first and reported apart: a fresh JVM spends its first tens of seconds
 * compiling. Bounded by {@code --claims} and {@code --timeout}. Reports claims accepted and certified
 * per second, request latency p50/p95/p99, the gateway's heap and CPU (sampled), and certificate
 * verification latency online ({@code POST /credentials/verify}) and offline (signature and data
 * model, the issuer's DID document fetched once). {@code --jfr FILE} records the gateway with Java
 * Flight Recorder's profiling settings, written when it stops; {@code --heap 512m} caps its heap
 * (768 MB otherwise).
 *
 * <pre>scripts/loadtest [--claims 3000] [--batch 100] [--clients 4] [--warmup 3000] [--jfr gateway.jfr]
 *     [--heap 512m]</pre>
 */
public final class HttpLoadTest {
    private HttpLoadTest() {}

    public static void main(final String[] args) throws Exception {
        final Map<String, String> given = Harness.options(args);
        final Path jar = Path.of(Harness.required(given, "jar"));
        final Path data = Path.of(Harness.required(given, "data"));
        final int claims = Integer.parseInt(given.getOrDefault("claims", "3000"));
        final int batch = Integer.parseInt(given.getOrDefault("batch", "100"));
        final int clients = Integer.parseInt(given.getOrDefault("clients", "4"));
        final int warmup = Integer.parseInt(given.getOrDefault("warmup", Integer.toString(claims)));
        final int verifications = Integer.parseInt(given.getOrDefault("verify", "300"));
        final Duration timeout = Duration.parse(given.getOrDefault("timeout", "PT15M"));
        final Path out = Path.of(given.getOrDefault("out", "benchmarks/results/load-" + batch + ".md"));
        final int port = Harness.freeLoopbackPort();
        Files.createDirectories(data);
        final List<String> jvm = new ArrayList<>();
        if (given.containsKey("heap")) {
            jvm.add("-Xmx" + given.get("heap")); // after the default cap: the last -Xmx is the one
        }
        if (given.containsKey("jfr")) {
            // Spring's and the chaincode's stacks are deep: the default 64 frames lose the caller.
            jvm.add("-XX:FlightRecorderOptions=stackdepth=512");
            jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + Path.of(given.get("jfr")).toAbsolutePath());
        }
        final GatewayProcess gateway =
                GatewayProcess.start(jar, data, port, data.resolve("gateway.log"), jvm, List.of());
        try {
            final Duration startup = gateway.awaitUp(Duration.ofMinutes(3));
            final Registry registry = new Registry(port);
            final SigningKey operator = Registry.operatorKey(data);
            final Load load = new Load(claims, batch, clients);
            final Result result = run(registry, operator, gateway.pid(), load, warmup, verifications, timeout);
            final String text = result.render(load, startup, given.get("pipeline-rate"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, text);
            System.out.print(text);
        } finally {
            gateway.stop();
        }
    }

    private static Result run(
            final Registry registry,
            final SigningKey operator,
            final long pid,
            final Load load,
            final int warmup,
            final int verifications,
            final Duration timeout)
            throws Exception {
        final PublishedProtocol protocol = registry.protocol();
        final List<SigningKey> owners = new ArrayList<>();
        for (int c = 0; c < load.clients(); c++) {
            final SigningKey owner = SigningKey.generateEd25519DidKey();
            if (!registry.register(operator, owner, "load owner " + c)) {
                throw new IllegalStateException("could not register load owner " + c);
            }
            owners.add(owner);
        }
        final String run = Long.toString(System.currentTimeMillis(), 36);
        // As the pipeline benchmark does before it measures: a first burst, certified, compiles the
        // hot paths; what the measured burst then shows is the running service, not its warm-up.
        final Burst cold = warmup == 0
                ? null
                : burst(
                        registry,
                        protocol,
                        owners,
                        new Load(warmup, load.batch(), load.clients()),
                        "LW-" + run,
                        timeout);
        final Sampler sampler = new Sampler(registry, pid);
        final Thread sampling = new Thread(sampler, "load-sampler");
        sampling.setDaemon(true);
        sampling.start();
        final Burst measured = burst(registry, protocol, owners, load, "LT-" + run, timeout);
        sampler.stop.set(true);
        sampling.join();
        final List<String> serials = measured.serials();
        final long[] verifyOnline = new long[Math.min(verifications, serials.size())];
        final long[] verifyOffline = new long[verifyOnline.length];
        verify(registry, serials.subList(0, verifyOnline.length), verifyOnline, verifyOffline);
        return new Result(
                cold,
                measured,
                sampler.maxHeap,
                sampler.maxLive,
                sampler.cpuSeconds() / measured.seenSeconds(),
                verifyOnline,
                verifyOffline);
    }

    /** How many claims, in requests of how many, from how many concurrent owners. */
    private record Load(int claims, int batch, int clients) {}

    /** A burst's outcome: times from its first request, in seconds. */
    private record Burst(
            double ingestSeconds,
            double certifiedSeconds,
            double seenSeconds,
            long refused,
            long[] latencies,
            List<String> serials) {}

    /** Every owner posts its share of pre-signed claims, as fast as the gateway answers; then all are followed. */
    private static Burst burst(
            final Registry registry,
            final PublishedProtocol protocol,
            final List<SigningKey> owners,
            final Load load,
            final String prefix,
            final Duration timeout)
            throws Exception {
        final int claims = load.claims();
        final int batch = load.batch();
        final int clients = load.clients();
        final List<List<List<SignedCredential>>> work = new ArrayList<>();
        final List<String> ids = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            final List<List<SignedCredential>> requests = new ArrayList<>();
            for (int i = c * batch; i < claims; i += clients * batch) {
                final List<SignedCredential> request = new ArrayList<>();
                for (int j = i; j < Math.min(claims, i + batch); j++) {
                    final SignedCredential claim =
                            Deliveries.claim(owners.get(c), protocol, prefix + "-" + j, List.of());
                    request.add(claim);
                    ids.add(claim.credential().id().orElseThrow());
                }
                requests.add(request);
            }
            work.add(requests);
        }
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong refused = new AtomicLong();
        // Opened first: every certificate event after this point reaches it, none is polled for.
        try (Followers followers = Followers.open(registry)) {
            final Instant startedAt = Instant.now();
            final long began = System.nanoTime();
            final ExecutorService pool = Executors.newFixedThreadPool(clients);
            final List<Future<?>> running = new ArrayList<>();
            for (final List<List<SignedCredential>> requests : work) {
                running.add(pool.submit(() -> {
                    for (final List<SignedCredential> request : requests) {
                        final long sent = System.nanoTime();
                        final Registry.Answer answer = registry.submit(request);
                        latencies.add(System.nanoTime() - sent);
                        if (answer.status() != 201) {
                            refused.addAndGet(request.size());
                        }
                    }
                    return null;
                }));
            }
            for (final Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            final double ingestSeconds = (System.nanoTime() - began) / 1e9;
            final Followers.Followed followed = followers.await(ids, began + timeout.toNanos());
            return new Burst(
                    ingestSeconds,
                    Duration.between(startedAt, followed.lastActive()).toNanos() / 1e9,
                    (followed.allSeenNanos() - began) / 1e9,
                    refused.get(),
                    latencies.stream().mapToLong(Long::longValue).sorted().toArray(),
                    followed.serials());
        }
    }

    private static final int OFFLINE_WARMUP_PASSES = 30;

    private static void verify(
            final Registry registry, final List<String> serials, final long[] online, final long[] offline)
            throws IOException, InterruptedException {
        final DocumentKeyResolver documents = new DocumentKeyResolver();
        final VcJwtVerifier verifier = VcJwtVerifier.builder(DidKey.RESOLVER.orElse(documents))
                .clock(Clock.systemUTC())
                .leeway(Duration.ofMinutes(5))
                .build();
        final List<String> compacts = new ArrayList<>();
        for (int i = 0; i < serials.size(); i++) {
            final String compact = registry.get("/certificates/" + serials.get(i) + "/credential")
                    .body()
                    .trim();
            final String body = Json.write(Json.object().put("verifiableCredential", compact));
            final long sent = System.nanoTime();
            final Registry.Answer answer =
                    registry.post("/credentials/verify", "application/json", body.getBytes(StandardCharsets.UTF_8));
            online[i] = System.nanoTime() - sent;
            if (answer.status() != 200 || !answer.json().path("verified").asBoolean()) {
                throw new IllegalStateException("certificate " + serials.get(i) + " did not verify: " + answer.body());
            }
            if (i == 0) {
                // The issuer's DID document, fetched once: offline verification needs no registry after that.
                final String issuer = Json.parse(new String(
                                java.util.Base64.getUrlDecoder().decode(compact.split("\\.")[1]),
                                StandardCharsets.UTF_8))
                        .path("issuer")
                        .stringValue("");
                documents.add(DidDocument.fromJson(
                        registry.get("/participants/" + URLEncoder.encode(issuer, StandardCharsets.UTF_8) + "/did.json")
                                .json()));
            }
            compacts.add(compact);
        }
        // Offline, as a verifier's own process does it once warm: passes not measured first, enough for
        // the JIT to compile the path (with the native Ed25519 engine one pass of 300 took ~20 ms, too
        // few calls: the measured pass then met the compiler, and its p99 was a compilation, not a verify).
        for (int pass = 0; pass < OFFLINE_WARMUP_PASSES; pass++) {
            compacts.forEach(verifier::verify);
        }
        for (int i = 0; i < compacts.size(); i++) {
            final long started = System.nanoTime();
            verifier.verify(compacts.get(i));
            offline[i] = System.nanoTime() - started;
        }
    }

    /** The gateway's heap (its actuator) and CPU (/proc), twice a second. */
    private static final class Sampler implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final Registry registry;
        final long pid;
        volatile double maxHeap;
        /** The old generation's size after the last collection: what the heap keeps, garbage aside. */
        volatile double maxLive;

        private volatile double firstCpu = Double.NaN;
        private volatile double lastCpu;

        Sampler(final Registry registry, final long pid) {
            this.registry = registry;
            this.pid = pid;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                try {
                    final JsonNode heap = registry.get("/actuator/metrics/jvm.memory.used?tag=area:heap")
                            .json();
                    maxHeap = Math.max(
                            maxHeap,
                            heap.path("measurements").path(0).path("value").asDouble());
                    maxLive = Math.max(
                            maxLive,
                            registry.get("/actuator/metrics/jvm.gc.live.data.size")
                                    .json()
                                    .path("measurements")
                                    .path(0)
                                    .path("value")
                                    .asDouble());
                    final double cpu = Harness.cpuSeconds(pid);
                    if (Double.isNaN(firstCpu)) {
                        firstCpu = cpu;
                    }
                    lastCpu = cpu;
                    Thread.sleep(500);
                } catch (IOException e) {
                    // a sample missed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        double cpuSeconds() {
            return lastCpu - firstCpu;
        }
    }

    private record Result(
            Burst cold,
            Burst measured,
            double maxHeapBytes,
            double maxLiveBytes,
            double cpuCores,
            long[] verifyOnline,
            long[] verifyOffline) {

        String render(final Load load, final Duration startup, final String pipelineRate) {
            final StringBuilder out = new StringBuilder();
            out.append("# HTTP load test ").append(Instant.now()).append("\n\n");
            out.append(String.format(
                    "- machine: %d cores, Java %s; gateway started in %.1f s, agents on, embedded ledger%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    startup.toMillis() / 1000.0));
            if (cold != null) {
                final int warm = cold.serials().size();
                out.append(String.format(
                        "- warm-up burst first (not measured below; the fresh gateway compiling its hot paths): %d"
                                + " claims accepted at %.0f claims/s, certified at %.1f claims/s, %d refused%n",
                        warm, warm / cold.ingestSeconds(), warm / cold.certifiedSeconds(), cold.refused()));
            }
            final Burst m = measured;
            final int claims = load.claims();
            out.append(String.format(
                    "- %d claims, %d clients, %d claims per request (%d requests), %d refused%n",
                    claims, load.clients(), load.batch(), m.latencies().length, m.refused()));
            out.append(String.format(
                    "- **accepted**: %.0f claims/s (all answered in %.1f s)%n",
                    claims / m.ingestSeconds(), m.ingestSeconds()));
            out.append(String.format(
                    "- **certified**: %.1f claims/s (the last certificate ACTIVE %.1f s after the first request, by"
                            + " the ledger's time of its attaching transaction); every claim followed to its ACTIVE"
                            + " certificate on one event stream (GET /events), the last seen %.1f s after the first"
                            + " request (%.1f/s)%n",
                    claims / m.certifiedSeconds(), m.certifiedSeconds(), m.seenSeconds(), claims / m.seenSeconds()));
            if (pipelineRate != null && !pipelineRate.isBlank()) {
                final double pipeline = Double.parseDouble(pipelineRate);
                out.append(String.format(
                        "- **against the pipeline benchmark** of this run (PipelineBenchmark %d %d: %.0f claims/s):"
                                + " %.2f× by the ledger's time, %.2f× as the stream showed it%n",
                        claims,
                        load.batch(),
                        pipeline,
                        pipeline / (claims / m.certifiedSeconds()),
                        pipeline / (claims / m.seenSeconds())));
            }
            out.append(String.format(
                    "- request latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                    percentile(m.latencies(), 50), percentile(m.latencies(), 95), percentile(m.latencies(), 99)));
            out.append(String.format(
                    "- gateway heap: at most %.0f MiB used, garbage included (sampled twice a second); at most"
                            + " %.0f MiB live after a collection (jvm.gc.live.data.size); CPU %.2f cores on average%n",
                    maxHeapBytes / 1048576, maxLiveBytes / 1048576, cpuCores));
            final long[] online = verifyOnline.clone();
            final long[] offline = verifyOffline.clone();
            Arrays.sort(online);
            Arrays.sort(offline);
            out.append(String.format(
                    "- certificate verification, %d certificates: online (POST /credentials/verify) p50 %.2f ms,"
                            + " p99 %.2f ms; offline (signature and data model, after " + OFFLINE_WARMUP_PASSES
                            + " warm-up passes) p50 %.3f ms,"
                            + " p99 %.3f ms%n",
                    online.length,
                    percentile(online, 50),
                    percentile(online, 99),
                    percentile(offline, 50),
                    percentile(offline, 99)));
            return out.toString();
        }

        private static double percentile(final long[] sortedNanos, final int p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            final int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, index)] / 1e6;
        }
    }
}
