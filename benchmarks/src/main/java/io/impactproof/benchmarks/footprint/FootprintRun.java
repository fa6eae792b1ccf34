package io.impactproof.benchmarks.footprint;

import io.impactproof.benchmarks.Deliveries;
import io.impactproof.benchmarks.Harness;
import io.impactproof.benchmarks.soak.GatewayProcess;
import io.impactproof.benchmarks.soak.Registry;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.model.protocol.PublishedProtocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Measures the registry's footprint as users run it: a gateway process with its agents on
 * certifies {@code --claims} deliveries posted over HTTP in batches, then its {@code /footprint}
 * report is read. With {@code --fabric <orgN.properties>} the gateway runs on the Fabric network and
 * the CPU time of every node process of the network (peers, orderers, chaincode servers, from
 * {@code /proc/<pid>/stat} of the PIDs in {@code --pids}) is measured over the same run and charged
 * to the certificates at the same cost per CPU-second.
 *
 * <pre>scripts/footprint [claims] [--fabric]</pre>
 */
public final class FootprintRun {
    private FootprintRun() {}

    public static void main(final String[] args) throws Exception {
        final Map<String, String> given = Harness.options(args);
        final Path jar = Path.of(Harness.required(given, "jar"));
        final Path data = Path.of(Harness.required(given, "data"));
        final int claims = Integer.parseInt(given.getOrDefault("claims", "1000"));
        final int batch = Integer.parseInt(given.getOrDefault("batch", "100"));
        final Path out = Path.of(given.getOrDefault("out", "benchmarks/results/footprint.md"));
        final List<String> settings = new ArrayList<>();
        final String fabric = given.get("fabric");
        if (fabric != null) {
            settings.add("--spring.config.additional-location=file:" + fabric);
        }
        final Map<String, Long> nodes = fabric == null ? Map.of() : pids(Path.of(Harness.required(given, "pids")));
        final int port = Harness.freeLoopbackPort();
        Files.createDirectories(data);
        final GatewayProcess gateway = GatewayProcess.start(jar, data, port, data.resolve("gateway.log"), settings);
        try {
            gateway.awaitUp(Duration.ofMinutes(3));
            final Registry registry = new Registry(port);
            final SigningKey owner = SigningKey.generateEd25519DidKey();
            if (!registry.register(Registry.operatorKey(data), owner, "footprint owner")) {
                throw new IllegalStateException("could not register the owner");
            }
            final PublishedProtocol protocol = registry.protocol();
            final double processCpuBefore =
                    registry.get("/footprint").json().path("processCpuSeconds").asDouble();
            final Map<String, Double> nodeCpuBefore = cpuSeconds(nodes);
            final long began = System.nanoTime();
            final List<String> ids = new ArrayList<>();
            for (int i = 0; i < claims; i += batch) {
                final List<SignedCredential> signed = new ArrayList<>();
                for (int j = i; j < Math.min(claims, i + batch); j++) {
                    signed.add(Deliveries.claim(
                            owner, protocol, "FP-" + Instant.now().toEpochMilli() + "-" + j, List.of()));
                }
                final Registry.Answer answer = registry.submit(signed);
                if (answer.status() != 201) {
                    throw new IllegalStateException("claims refused: " + answer.status() + " " + answer.body());
                }
                signed.forEach(c -> ids.add(c.credential().id().orElseThrow()));
            }
            registry.awaitCertified(
                    ids, System.nanoTime() + Duration.ofMinutes(30).toNanos());
            final double seconds = (System.nanoTime() - began) / 1e9;
            final Map<String, Double> nodeCpu = new LinkedHashMap<>();
            cpuSeconds(nodes)
                    .forEach((node, after) -> nodeCpu.put(node, after - nodeCpuBefore.getOrDefault(node, 0.0)));
            final JsonNode report = registry.get("/footprint").json();
            final double allIn = (report.path("processCpuSeconds").asDouble() - processCpuBefore) / claims;
            final String text = render(report, claims, batch, seconds, allIn, nodeCpu, fabric != null);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, text);
            System.out.print(text);
        } finally {
            gateway.stop();
        }
    }

    /** The PID of each node the network scripts started ({@code <name>.pid} files). */
    private static Map<String, Long> pids(final Path dir) throws IOException {
        final Map<String, Long> out = new LinkedHashMap<>();
        try (var files = Files.list(dir)) {
            for (final Path file :
                    files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
                out.put(
                        file.getFileName().toString().replace(".pid", ""),
                        Long.parseLong(Files.readString(file).trim()));
            }
        }
        return out;
    }

    /** The CPU seconds of each process so far. */
    private static Map<String, Double> cpuSeconds(final Map<String, Long> nodes) throws IOException {
        final Map<String, Double> out = new LinkedHashMap<>();
        for (final var node : nodes.entrySet()) {
            out.put(node.getKey(), Harness.cpuSeconds(node.getValue()));
        }
        return out;
    }

    private static String render(
            final JsonNode report,
            final int claims,
            final int batch,
            final double seconds,
            final double allIn,
            final Map<String, Double> nodeCpu,
            final boolean fabric) {
        final JsonNode perCertificate = report.path("perCertificate");
        final JsonNode perCpuSecond = report.path("perCpuSecond");
        final long certificates = perCertificate.path("certificatesIssued").asLong();
        final StringBuilder out = new StringBuilder();
        out.append("# Footprint run ").append(Instant.now()).append("\n\n");
        out.append(String.format(
                "- machine: %d cores, Java %s, %s; ledger: %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                fabric ? "Fabric (network/impactnet)" : "embedded"));
        out.append(String.format(
                "- %d delivery claims over HTTP in batches of %d, certified by the gateway's agents in %.1f s;"
                        + " %d certificates issued by this gateway since it started%n",
                claims, batch, seconds, certificates));
        out.append("- hardware: ")
                .append(report.path("node").path("hardware").path("machine").stringValue(""))
                .append(", BoaviztAPI ")
                .append(report.path("node").path("hardware").path("version").stringValue(""))
                .append(String.format(
                        ", %d vCPUs at %.0f %% load, location %s%n",
                        report.path("node").path("vcpus").asInt(),
                        report.path("node").path("load").asDouble(),
                        report.path("node").path("location").stringValue("")));
        out.append(String.format(
                "- a CPU-second of this machine: %s%n%n", figures(perCpuSecond, 1, report.path("units"))));
        out.append("| Transaction kind | transactions | items | CPU s | CPU ms per item | production |\n");
        out.append("|---|---:|---:|---:|---:|---|\n");
        report.path("perTransactionKind")
                .properties()
                .forEach(e -> out.append(String.format(
                        "| `%s` | %d | %d | %.2f | %.3f | %s |%n",
                        e.getKey(),
                        e.getValue().path("transactions").asLong(),
                        e.getValue().path("items").asLong(),
                        e.getValue().path("cpuSeconds").asDouble(),
                        e.getValue().path("cpuSecondsPerItem").asDouble() * 1000,
                        e.getValue().path("production").asBoolean() ? "yes" : "no")));
        out.append(String.format(
                "%nPer certificate (the attributed kinds above): %.2f ms CPU, producing it %s, %.3g Wh; %d bytes"
                        + " kept, keeping it a year %s%n",
                perCertificate.path("productionCpuSeconds").asDouble() * 1000,
                figures(perCertificate.path("production"), 1, report.path("units")),
                perCertificate.path("productionElectricityWh").asDouble(),
                perCertificate.path("bytesKept").asLong(),
                figures(perCertificate.path("keepingPerYear"), 1, report.path("units"))));
        out.append(String.format(
                "%nAll-in (the gateway process's whole CPU over the run: HTTP, JSON, agents' reads, JIT, GC"
                        + " included): %.2f ms CPU per certificate, producing it %s, %.3g Wh of electricity%n",
                allIn * 1000,
                figures(perCpuSecond, allIn, report.path("units")),
                allIn * report.path("electricityWhPerCpuSecond").asDouble()));
        if (!nodeCpu.isEmpty()) {
            out.append("\n| Fabric node | CPU s over the run | CPU ms per certificate |\n|---|---:|---:|\n");
            double total = 0;
            for (final var node : nodeCpu.entrySet()) {
                out.append(String.format(
                        "| %s | %.2f | %.2f |%n", node.getKey(), node.getValue(), node.getValue() * 1000 / claims));
                total += node.getValue();
            }
            final double perCertificateCpu = total / claims;
            out.append(String.format(
                    "%nEvery Fabric node together: %.2f ms CPU per certificate, producing it %s (at the same"
                            + " cost per CPU-second); with the gateway's all-in CPU: %.2f ms, %s, %.3g Wh%n",
                    perCertificateCpu * 1000,
                    figures(perCpuSecond, perCertificateCpu, report.path("units")),
                    (perCertificateCpu + allIn) * 1000,
                    figures(perCpuSecond, perCertificateCpu + allIn, report.path("units")),
                    (perCertificateCpu + allIn)
                            * report.path("electricityWhPerCpuSecond").asDouble()));
        }
        return out.toString();
    }

    private static String figures(final JsonNode values, final double factor, final JsonNode units) {
        final List<String> parts = new ArrayList<>();
        for (final String c : List.of("gwp", "pe", "adp")) {
            parts.add(String.format(
                    "%.3g %s", values.path(c).asDouble() * factor, units.path(c).stringValue(c)));
        }
        return String.join(" · ", parts);
    }
}
