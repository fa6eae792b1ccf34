package io.impactproof.gateway.footprint;

import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.boavizta.Boavizta;
import io.impactproof.gateway.system.GatewayProperties;
import io.impactproof.model.Transactions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's footprint per certificate and per transaction kind, from measured CPU time and
 * bytes and the node's hardware impacts (BoaviztAPI). A CPU-second of this node costs the
 * machine's hourly impact × share / (3600 × vCPUs × load): the machine's idle capacity is charged
 * to the work it does. Producing a certificate costs the CPU of every write that led to it (claims,
 * attestations, validation, signing) over the certificates issued; keeping it, its share of the bytes
 * kept × replicas × the SSD's impact per byte-year. Thread-safe.
 */
public final class Footprint {
    /** The work that produces certificates: its CPU is charged to the certificates issued. */
    static final Set<String> PRODUCTION = Set.of(
            Transactions.CLAIMS_SUBMIT,
            Transactions.CLAIMS_REJECT,
            Transactions.CLAIMS_AWAITING, // the verifiers' to-do lists
            Transactions.CLAIMS_BY_STATUS, // the validator's
            Transactions.ATTESTATIONS_SUBMIT,
            Transactions.CERTIFICATES_ISSUE,
            Transactions.CERTIFICATES_ATTACH,
            CpuMeter.SIGN_ATTESTATION,
            CpuMeter.SIGN_CERTIFICATE);

    /** gwp in gCO2e (BoaviztAPI gives kg), pe in MJ, adp in kgSbeq. */
    static final Map<String, Double> SCALE = Map.of("gwp", 1000.0, "pe", 1.0, "adp", 1.0);

    static final Map<String, String> UNITS = Map.of("gwp", "gCO2e", "pe", "MJ", "adp", "kgSbeq");

    private final CpuMeter meter;
    private final Hardware hardware;
    private final GatewayProperties.Footprint config;
    private final LedgerPort ledger;
    private final ContentStore store;

    public Footprint(
            final CpuMeter meter,
            final Boavizta boavizta,
            final GatewayProperties.Footprint config,
            final LedgerPort ledger,
            final ContentStore store) {
        this.meter = meter;
        this.hardware = new Hardware(boavizta, config);
        this.config = config;
        this.ledger = ledger;
        this.store = store;
    }

    int vcpus() {
        return config.vcpus() > 0 ? config.vcpus() : Runtime.getRuntime().availableProcessors();
    }

    /** The report; BoaviztaException when the hardware's impacts cannot be asked. */
    public Report report() {
        return report(hardware.impacts());
    }

    /** The report if the hardware's impacts are known, without calling BoaviztAPI. */
    java.util.Optional<Report> known() {
        final Hardware.Impacts impacts = hardware.known();
        if (impacts == null) {
            return java.util.Optional.empty();
        }
        // One scrape reads seven gauges: they share one report (and one ledger.info(), a peer query
        // on Fabric) for a second.
        final long now = System.nanoTime();
        final Scraped last = scraped;
        if (last != null && now - last.at() < 1_000_000_000L) {
            return java.util.Optional.of(last.report());
        }
        final Report report = report(impacts);
        scraped = new Scraped(now, report);
        return java.util.Optional.of(report);
    }

    private record Scraped(long at, Report report) {}

    private volatile Scraped scraped;

    Report report(final Hardware.Impacts impacts) {
        final Map<String, CpuMeter.Usage> usage = meter.snapshot();
        final Map<String, Double> perCpuSecond = new LinkedHashMap<>();
        final double capacity = 3600.0 * vcpus() * Math.max(config.load(), 1) / 100.0;
        impacts.hour().forEach((c, hour) -> perCpuSecond.put(c, hour * config.share() / capacity));
        // Electricity, for the side-by-side with ledgers that publish kWh per transaction.
        final double whPerCpuSecond = impacts.watts() * config.share() / capacity;

        final Map<String, Kind> kinds = new LinkedHashMap<>();
        double productionCpu = 0;
        for (final var entry : usage.entrySet()) {
            final CpuMeter.Usage u = entry.getValue();
            final double perItem = u.items() == 0 ? 0 : u.cpuSeconds() / u.items();
            kinds.put(
                    entry.getKey(),
                    new Kind(
                            u.runs(),
                            u.items(),
                            u.cpuSeconds(),
                            perItem,
                            scaled(perCpuSecond, perItem),
                            PRODUCTION.contains(entry.getKey())));
            if (PRODUCTION.contains(entry.getKey())) {
                productionCpu += u.cpuSeconds();
            }
        }
        final long certificates = usage.getOrDefault(Transactions.CERTIFICATES_ISSUE, new CpuMeter.Usage(0, 0, 0))
                .items();
        final long bytes = bytesKept();
        final double cpuPerCertificate = certificates == 0 ? 0 : productionCpu / certificates;
        final double processCpu = processCpuSeconds();
        final double bytesPerCertificate = certificates == 0 ? 0 : (double) bytes / certificates;
        final Map<String, Double> keeping = new LinkedHashMap<>();
        impacts.byteYear()
                .forEach((c, perByte) ->
                        keeping.put(c, perByte * bytesPerCertificate * config.replicas() * SCALE.get(c)));
        return new Report(
                new PerCertificate(
                        certificates,
                        cpuPerCertificate,
                        scaled(perCpuSecond, cpuPerCertificate),
                        (long) bytesPerCertificate,
                        keeping,
                        whPerCpuSecond * cpuPerCertificate,
                        certificates == 0 ? 0 : processCpu / certificates),
                kinds,
                scaled(perCpuSecond, 1),
                whPerCpuSecond,
                processCpu,
                UNITS,
                new Node(
                        vcpus(),
                        config.load(),
                        config.share(),
                        config.replicas(),
                        config.location(),
                        impacts.description()),
                METHOD);
    }

    /** The whole process's CPU time since it started: start-up, JIT, GC, HTTP and reads included. */
    static double processCpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    private static Map<String, Double> scaled(final Map<String, Double> perCpuSecond, final double cpuSeconds) {
        final Map<String, Double> out = new LinkedHashMap<>();
        perCpuSecond.forEach((c, v) -> out.put(c, v * cpuSeconds * SCALE.get(c)));
        return out;
    }

    private volatile long storeBytes = -1;
    private volatile long storeMeasuredAt;

    /** Block file + content store; the store is walked at most once a minute. */
    private long bytesKept() {
        final Long blocks = ledger.info().sizes().get("blockFileBytes");
        final long now = System.nanoTime();
        if (storeBytes < 0 || now - storeMeasuredAt > 60_000_000_000L) {
            storeBytes = store.bytes();
            storeMeasuredAt = now;
        }
        return (blocks == null ? 0 : blocks) + storeBytes;
    }

    static final List<String> METHOD = List.of(
            "CPU time is measured per transaction kind in this process (the thread's CPU time, not wall"
                    + " time); items are the records a call returned.",
            "A CPU-second costs the machine's impact for one hour (BoaviztAPI: embedded impact allocated"
                    + " to the hour + use at the configured load and location) x share / (3600 x vCPUs x load):"
                    + " idle capacity is charged to the work done.",
            "Producing a certificate: the CPU of every write that led to certificates (claims,"
                    + " attestations, rejections, issue, attach, signing) and of the agents' to-do lists"
                    + " (claims:Awaiting, claims:ByStatus), divided by the certificates issued; rejected and"
                    + " disputed work is charged to the certificates that were issued.",
            "processCpuSeconds is all the process's CPU since it started (start-up, JIT, GC, HTTP,"
                    + " reads): the attributed kinds are a part of it; processCpuSecondsPerCertificate is"
                    + " the all-in bound over the node's life so far.",
            "Keeping a certificate for a year: its share of the bytes kept (block file + content store)"
                    + " x replicas x the SSD's embedded impact per byte-year (BoaviztAPI, 3-year component"
                    + " life).",
            "Not counted here: other processes (BoaviztAPI itself; on Fabric the peers, orderers and"
                    + " chaincode servers, measured separately in docs/footprint.md), the network, PUE"
                    + " (BoaviztAPI models none), reads and serving.");

    /**
     * @param impacts per criterion, in {@code units}: gwp gCO2e, pe MJ, adp kgSbeq; never summed
     */
    public record Report(
            PerCertificate perCertificate,
            Map<String, Kind> perTransactionKind,
            Map<String, Double> perCpuSecond,
            double electricityWhPerCpuSecond,
            double processCpuSeconds,
            Map<String, String> units,
            Node node,
            List<String> method) {}

    public record PerCertificate(
            long certificatesIssued,
            double productionCpuSeconds,
            Map<String, Double> production,
            long bytesKept,
            Map<String, Double> keepingPerYear,
            double productionElectricityWh,
            double processCpuSecondsPerCertificate) {}

    public record Kind(
            long transactions,
            long items,
            double cpuSeconds,
            double cpuSecondsPerItem,
            Map<String, Double> perItem,
            boolean production) {}

    public record Node(int vcpus, double load, double share, int replicas, String location, ObjectNode hardware) {}
}
