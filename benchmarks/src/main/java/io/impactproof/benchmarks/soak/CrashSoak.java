package io.impactproof.benchmarks.soak;

import io.impactproof.benchmarks.Deliveries;
import io.impactproof.client.ImpactCredentials;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.model.protocol.PublishedProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Kills a loaded gateway with SIGKILL at random moments, many times, and then proves nothing was
 * lost: every acknowledged claim and evidence file is there, every claim reached CERTIFIED (the
 * agents left no backlog behind), and the hash chain verifies after every restart.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.impactproof.benchmarks.soak.CrashSoak \
 *     --jar gateway/target/gateway-0.1.0-SNAPSHOT-exec.jar --kills 100 [--clients 4] [--rate 40] [--seed 1]
 * </pre>
 *
 * Exit 0 when everything holds, 1 otherwise; the report (markdown) is printed and written to --out.
 */
public final class CrashSoak {
    private final Settings settings;
    private final Random random;
    private final Registry registry;
    private final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> inDoubt = ConcurrentHashMap.newKeySet();
    private final List<Restart> restarts = new ArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<String> faults = new ArrayList<>();
    private final int port;

    /** A write the gateway answered 201 to: it must be on the ledger (and its evidence in the store) for good. */
    private record Acknowledged(String claim, SigningKey owner, String evidenceSha256) {}

    private record Restart(int round, long height, long millis, boolean killedWhileStarting) {}

    record Settings(Path jar, Path data, Path out, int kills, int clients, int rate, long seed, Duration drain) {
        static Settings parse(final String[] args) throws IOException {
            final Map<String, String> given = io.impactproof.benchmarks.Harness.options(args);
            if (!given.containsKey("jar")) {
                throw new IllegalArgumentException("--jar <gateway exec jar> is required");
            }
            return new Settings(
                    Path.of(given.get("jar")),
                    given.containsKey("data")
                            ? Path.of(given.get("data"))
                            : Files.createTempDirectory("impactproof-soak"),
                    Path.of(given.getOrDefault("out", "benchmarks/results/soak.md")),
                    Integer.parseInt(given.getOrDefault("kills", "100")),
                    Integer.parseInt(given.getOrDefault("clients", "4")),
                    Integer.parseInt(given.getOrDefault("rate", "40")),
                    Long.parseLong(given.getOrDefault("seed", "1")),
                    Duration.parse(given.getOrDefault("drain", "PT15M")));
        }
    }

    private CrashSoak(final Settings settings, final int port) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.registry = new Registry(port);
        this.port = port;
    }

    public static void main(final String[] args) throws Exception {
        final Settings settings = Settings.parse(args);
        final int port = io.impactproof.benchmarks.Harness.freeLoopbackPort();
        System.exit(new CrashSoak(settings, port).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        final Path log = settings.data().resolve("gateway.log");
        Files.createDirectories(settings.data());
        final long began = System.nanoTime();
        GatewayProcess gateway = GatewayProcess.startForRestarts(settings.jar(), settings.data(), port, log);
        restarts.add(new Restart(0, 0, gateway.awaitUp(Duration.ofMinutes(3)).toMillis(), false));
        final SigningKey operator = operatorKey();
        final List<SigningKey> owners = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            final SigningKey owner = SigningKey.generateEd25519DidKey();
            if (!registry.register(operator, owner, "soak owner " + i)) {
                throw new IllegalStateException("could not register soak owner " + i);
            }
            owners.add(owner);
        }
        final PublishedProtocol protocol = registry.protocol();

        for (int round = 1; round <= settings.kills(); round++) {
            final boolean whileStarting = round > 1 && random.nextInt(10) == 0;
            if (round > 1) {
                gateway = GatewayProcess.startForRestarts(settings.jar(), settings.data(), port, log);
                if (whileStarting) {
                    // Killed during recovery: the next start must recover from a recovery cut short.
                    Thread.sleep(500 + random.nextInt(4000));
                    gateway.kill();
                    restarts.add(new Restart(round, -1, -1, true));
                    continue;
                }
                final long millis = gateway.awaitUp(Duration.ofMinutes(3)).toMillis();
                final JsonNode ledger = registry.ledger();
                restarts.add(
                        new Restart(round, ledger.path("info").path("height").longValue(), millis, false));
                if (!ledger.path("chain").path("valid").booleanValue()) {
                    faults.add("round " + round + ": chain invalid after restart: " + ledger.path("chain"));
                }
            }
            load(owners, protocol, 300 + random.nextInt(2700));
            gateway.kill();
            System.out.printf(
                    "kill %d/%d: %d acknowledged, %d in doubt%n",
                    round, settings.kills(), acknowledged.size(), inDoubt.size());
        }

        gateway = GatewayProcess.startForRestarts(settings.jar(), settings.data(), port, log);
        final long lastRestart = gateway.awaitUp(Duration.ofMinutes(3)).toMillis();
        final JsonNode before = registry.ledger();
        restarts.add(new Restart(
                settings.kills() + 1, before.path("info").path("height").longValue(), lastRestart, false));
        final Check check = check(owners);
        final JsonNode ledger = registry.ledger();
        gateway.stop();
        final String report = report(check, ledger, Duration.ofNanos(System.nanoTime() - began));
        System.out.println(report);
        Files.createDirectories(settings.out().toAbsolutePath().getParent());
        Files.writeString(settings.out(), report);
        return faults.isEmpty() && check.lost() == 0 && check.evidenceLost() == 0 && check.stuck() == 0;
    }

    /** Clients submit claims (a quarter with an uploaded evidence file) for this long, at the set rate. */
    private void load(final List<SigningKey> owners, final PublishedProtocol protocol, final long millis)
            throws InterruptedException {
        final AtomicBoolean stop = new AtomicBoolean();
        final long pause = Math.max(1, 1000L * owners.size() / settings.rate());
        for (final SigningKey owner : owners) {
            final long seed = random.nextLong();
            final Thread thread =
                    new Thread(() -> client(owner, protocol, new Random(seed), pause, stop), "soak-client");
            thread.setDaemon(true);
            thread.start();
        }
        Thread.sleep(millis);
        stop.set(true);
        // The kill comes while requests are in flight: the clients are not waited for.
    }

    private void client(
            final SigningKey owner,
            final PublishedProtocol protocol,
            final Random random,
            final long pause,
            final AtomicBoolean stop) {
        while (!stop.get()) {
            final String tracking = "SOAK-" + Long.toHexString(random.nextLong());
            String evidenceSha = null;
            SignedCredential claim = null;
            try {
                List<ImpactCredentials.Evidence> evidence = List.of();
                if (random.nextInt(4) == 0) {
                    final byte[] csv = ("tracking,km\n" + tracking + ",12.5\n").getBytes(StandardCharsets.UTF_8);
                    final String url = registry.uploadEvidence(owner, csv);
                    if (url == null) {
                        refused.incrementAndGet();
                        continue;
                    }
                    evidenceSha = Digests.sha256Hex(csv);
                    evidence = List.of(new ImpactCredentials.Evidence(url, "delivery.csv", "text/csv", csv));
                }
                claim = Deliveries.claim(owner, protocol, tracking, evidence);
                final String id = claim.credential().id().orElseThrow();
                inDoubt.add(id);
                final Registry.Answer answer = registry.submit(claim);
                if (answer.status() == 201) {
                    acknowledged.put(id, new Acknowledged(id, owner, evidenceSha));
                    inDoubt.remove(id);
                } else if (answer.status() < 500) {
                    refused.incrementAndGet();
                    inDoubt.remove(id);
                }
                Thread.sleep(pause);
            } catch (IOException e) {
                return; // the gateway is gone: what was in flight stays in doubt
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    record Check(int lost, int evidenceLost, int stuck, int inDoubtPresent, long drainMillis) {}

    /** Every acknowledged claim is present and reaches CERTIFIED; every acknowledged evidence file is served. */
    private Check check(final List<SigningKey> owners) throws Exception {
        int lost = 0;
        int evidenceLost = 0;
        final Set<String> pending = new HashSet<>();
        for (final Acknowledged a : acknowledged.values()) {
            if (registry.status(a.claim()) == null) {
                lost++;
                faults.add("acknowledged claim lost: " + a.claim());
            } else {
                pending.add(a.claim());
            }
            if (a.evidenceSha256() != null) {
                final byte[] bytes = registry.evidence(a.owner(), a.evidenceSha256());
                if (bytes == null || !Digests.sha256Hex(bytes).equals(a.evidenceSha256())) {
                    evidenceLost++;
                    faults.add("acknowledged evidence lost: " + a.evidenceSha256());
                }
            }
        }
        int inDoubtPresent = 0;
        for (final String id : inDoubt) {
            if (registry.status(id) != null) {
                inDoubtPresent++;
                pending.add(id);
            }
        }
        final long start = System.nanoTime();
        final long deadline = start + settings.drain().toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            final List<String> done = new ArrayList<>();
            for (final String id : pending) {
                final String status = registry.status(id);
                if ("CERTIFIED".equals(status)) {
                    done.add(id);
                } else if ("REJECTED".equals(status)) {
                    faults.add("claim " + id + " was REJECTED");
                    done.add(id);
                }
            }
            done.forEach(pending::remove);
            if (!pending.isEmpty()) {
                Thread.sleep(1000);
            }
        }
        pending.forEach(id -> faults.add("claim " + id + " never reached CERTIFIED"));
        return new Check(
                lost,
                evidenceLost,
                pending.size(),
                inDoubtPresent,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private SigningKey operatorKey() throws IOException {
        return Registry.operatorKey(settings.data());
    }

    private String report(final Check check, final JsonNode ledger, final Duration total) {
        final long[] times = restarts.stream()
                .filter(r -> r.millis() >= 0)
                .mapToLong(Restart::millis)
                .sorted()
                .toArray();
        final StringBuilder out = new StringBuilder();
        out.append("# Crash soak ").append(Instant.now()).append("\n\n");
        out.append(String.format(
                "- machine: %d cores, Java %s, %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        out.append(String.format(
                "- settings: %d SIGKILLs, %d clients, %d claims/s offered, seed %d; took %s%n",
                settings.kills(), settings.clients(), settings.rate(), settings.seed(), total.withNanos(0)));
        out.append(String.format(
                "- killed while starting (recovery cut short): %d of %d%n",
                restarts.stream().filter(Restart::killedWhileStarting).count(), settings.kills()));
        out.append(String.format(
                "- acknowledged claims: %d (%d with an uploaded evidence file); refused: %d%n",
                acknowledged.size(),
                acknowledged.values().stream()
                        .filter(a -> a.evidenceSha256() != null)
                        .count(),
                refused.get()));
        out.append(String.format(
                "- in flight at a kill (never answered): %d, of which committed: %d%n",
                inDoubt.size(), check.inDoubtPresent()));
        out.append(String.format(
                "- **lost acknowledged claims: %d; lost evidence files: %d; claims not CERTIFIED after %s: %d**%n",
                check.lost(), check.evidenceLost(), settings.drain(), check.stuck()));
        out.append(String.format("- backlog drained in %d ms after the last restart%n", check.drainMillis()));
        out.append(String.format(
                "- ledger: height %d, chain %s (checked after every restart: %s)%n",
                ledger.path("info").path("height").longValue(),
                ledger.path("chain").path("valid").booleanValue() ? "valid" : "INVALID",
                faults.stream().anyMatch(f -> f.contains("chain")) ? "FAILED" : "valid each time"));
        out.append(String.format(
                "- restart to UP (ms): min %d, median %d, p95 %d, max %d over %d restarts%n%n",
                times[0],
                times[times.length / 2],
                times[(int) Math.min(times.length - 1, Math.round(times.length * 0.95))],
                times[times.length - 1],
                times.length));
        out.append("| restart | ledger height | to UP (ms) |\n|---|---|---|\n");
        final int step = Math.max(1, restarts.size() / 12);
        for (int i = 0; i < restarts.size(); i++) {
            final Restart r = restarts.get(i);
            if (r.millis() >= 0 && (i % step == 0 || i == restarts.size() - 1)) {
                out.append(String.format("| %d | %d | %d |%n", r.round(), r.height(), r.millis()));
            }
        }
        if (!faults.isEmpty()) {
            out.append("\n## Faults\n\n");
            faults.stream().limit(50).forEach(f -> out.append("- ").append(f).append('\n'));
        }
        return out.toString();
    }
}
