package io.impactproof.benchmarks;

import io.impactproof.credentials.json.Json;
import io.impactproof.protocols.ProtocolLoader;
import io.impactproof.protocols.engine.CompiledProtocol;
import io.impactproof.protocols.engine.Evaluation;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;

/**
 * Evaluation of one claim under each bundled protocol: JSON Schema validation, activity key and
 * period, eligibility rules, calculations, exact rounding and the uniqueness key (SHA-256 of JCS).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProtocolBenchmark {
    private static final Map<String, String> CLAIMS = Map.of(
            "cargo-bike-delivery",
            "{\"carrier_siren\":\"552100554\",\"tracking_id\":\"CB-2026-000123\",\"courier_id\":\"courier-7\","
                    + "\"delivered_on\":\"2026-03-10\",\"zone\":\"rural\",\"mode\":\"cargo-bike\",\"parcels\":3,\"distance_km\":12.5}",
            "home-to-work-commute",
            "{\"employer_siren\":\"356000000\",\"commuter_id\":\"emp-4f1c9a2b\",\"trip_date\":\"2026-03-10\",\"leg\":\"outbound\","
                    + "\"mode\":\"carpool-passenger\",\"carpool_occupants\":2,\"distance_km\":20,\"proof_level\":\"phone-detection\","
                    + "\"consent_month\":\"2026-03\"}",
            "low-carbon-forestry",
            "{\"project_id\":\"LBC-2021-0042\",\"site_ref\":\"17300-AB-0123\",\"method\":\"afforestation\",\"area_ha\":12.4,"
                    + "\"period_start\":\"2021-01-01\",\"period_end\":\"2025-12-31\",\"baseline_removals_tco2e\":50.0,"
                    + "\"project_removals_tco2e\":1250.0,\"project_emissions_tco2e\":12.5,\"leakage_tco2e\":0,"
                    + "\"not_legally_required\":true,\"no_other_carbon_funding\":true}");

    @Param({"cargo-bike-delivery", "home-to-work-commute", "low-carbon-forestry"})
    public String protocolId;

    private CompiledProtocol protocol;
    private JsonNode claim;

    @Setup
    public void setUp() {
        protocol = ProtocolLoader.bundled(protocolId, "1.1.0");
        claim = Json.parse(CLAIMS.get(protocolId));
        if (!protocol.evaluate(claim).eligible()) {
            throw new IllegalStateException("the benchmark claim must be eligible");
        }
    }

    @Benchmark
    public Evaluation evaluate() {
        return protocol.evaluate(claim);
    }
}
