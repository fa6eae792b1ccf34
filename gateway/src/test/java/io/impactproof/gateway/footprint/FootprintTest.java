package io.impactproof.gateway.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.impactproof.credentials.json.Json;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.boavizta.Boavizta;
import io.impactproof.gateway.system.GatewayProperties;
import io.impactproof.ledger.embedded.EmbeddedLedger;
import io.impactproof.ledger.embedded.EmbeddedLedgerPort;
import io.impactproof.model.Transactions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The footprint's arithmetic, hand-checked: one hour of the machine at 0.08 kgCO2e, 2 vCPUs at 50 %
 * load, share 1 → a CPU-second costs 0.08 / (3600 × 2 × 0.5) kg = 0.0222… gCO2e.
 */
class FootprintTest {
    @TempDir
    Path dir;

    private static final Hardware.Impacts HARDWARE = new Hardware.Impacts(
            Map.of("gwp", 0.08, "pe", 6.36, "adp", 4.1e-6),
            Map.of("gwp", 1e-11, "pe", 1e-10, "adp", 1e-15),
            536.0,
            Json.object());

    private Footprint footprint(final CpuMeter meter, final EmbeddedLedgerPort port, final ContentStore store) {
        return new Footprint(
                meter,
                new Boavizta("http://127.0.0.1:9", Duration.ofSeconds(1)),
                new GatewayProperties.Footprint(null, null, null, "FRA", 50, 2, 1, 1, 1000),
                port,
                store);
    }

    @Test
    void production_is_the_measured_cpu_of_the_writes_over_the_certificates_issued() {
        final CpuMeter meter = CpuMeter.discarding();
        try (EmbeddedLedgerPort port = EmbeddedLedgerPort.owning(
                        EmbeddedLedger.open(dir.resolve("ledger"), Clock.systemUTC()), "Org1MSP");
                ContentStore store = new ContentStore(dir.resolve("store"))) {
            store.put("x".repeat(1000).getBytes(StandardCharsets.UTF_8), "text/plain");
            final Footprint footprint = footprint(meter, port, store);
            meter.record(Transactions.CLAIMS_SUBMIT, 2_000_000_000L, 10); // 10 claims in 2 s of CPU
            meter.record(Transactions.ATTESTATIONS_SUBMIT, 1_000_000_000L, 50);
            meter.record(Transactions.CERTIFICATES_ISSUE, 500_000_000L, 10);
            meter.record(Transactions.PARTICIPANTS_REGISTER, 9_000_000_000L, 1); // not production

            final Footprint.Report report = footprint.report(HARDWARE);

            assertThat(report.perCpuSecond().get("gwp")).isCloseTo(0.08 / 3600 * 1000, within(1e-12));
            assertThat(report.perCertificate().productionCpuSeconds()).isCloseTo(0.35, within(1e-12));
            // 536 W over 3600 × 2 × 0.5 CPU-seconds per hour: 0.0744 Wh per CPU-second.
            assertThat(report.perCertificate().productionElectricityWh()).isCloseTo(0.35 * 536.0 / 3600, within(1e-12));
            assertThat(report.perCertificate().production().get("gwp"))
                    .isCloseTo(0.35 * 0.08 / 3600 * 1000, within(1e-12));
            assertThat(report.perTransactionKind()
                            .get(Transactions.CLAIMS_SUBMIT)
                            .cpuSecondsPerItem())
                    .isCloseTo(0.2, within(1e-12));
            assertThat(report.perTransactionKind()
                            .get(Transactions.PARTICIPANTS_REGISTER)
                            .production())
                    .isFalse();
            assertThat(report.perCertificate().bytesKept())
                    .as("the block file and the content store, over 10 certificates")
                    .isEqualTo((port.info().sizes().get("blockFileBytes") + store.bytes()) / 10);

            meter.record(Transactions.CLAIMS_SUBMIT, 2_000_000_000L, 10);
            assertThat(footprint.report(HARDWARE).perCertificate().production().get("gwp"))
                    .as("twice the claims' measured CPU, the same certificates: more per certificate")
                    .isCloseTo(0.55 * 0.08 / 3600 * 1000, within(1e-12));
        }
    }

    @Test
    void a_share_of_a_larger_server_and_a_busier_node_change_the_cost_of_a_cpu_second() {
        try (EmbeddedLedgerPort port = EmbeddedLedgerPort.owning(
                        EmbeddedLedger.open(dir.resolve("ledger"), Clock.systemUTC()), "Org1MSP");
                ContentStore store = new ContentStore(dir.resolve("store"))) {
            final Footprint shared = new Footprint(
                    CpuMeter.discarding(),
                    new Boavizta("http://127.0.0.1:9", Duration.ofSeconds(1)),
                    new GatewayProperties.Footprint(null, null, null, "FRA", 100, 2, 0.25, 3, 1000),
                    port,
                    store);

            // 0.08 × 0.25 / (3600 × 2 × 1.0) kg per CPU-second.
            assertThat(shared.report(HARDWARE).perCpuSecond().get("gwp"))
                    .isCloseTo(0.08 * 0.25 / 7200 * 1000, within(1e-12));
            assertThat(shared.report(HARDWARE).node().replicas()).isEqualTo(3);
        }
    }
}
