package io.impactproof.protocols.engine;

import static io.impactproof.protocols.Claims.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.protocols.ProtocolError;
import io.impactproof.protocols.ProtocolLoader;
import io.impactproof.protocols.model.Tolerance;
import io.impactproof.protocols.model.ValueRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsensusTest {
    private static final Tolerance FIVE_PERCENT = new Tolerance(new BigDecimal("0.05"), null);

    private static List<BigDecimal> values(final String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void median_of_five_agreeing_values() {
        // median 11.58; band 5% × 11.58 = 0.579; every value is within it.
        final Consensus result = Consensus.decide(
                values("11.58", "11.40", "11.70", "11.58", "11.60"), FIVE_PERCENT, ValueRule.MEDIAN, 3, 2);

        assertThat(result.agree()).isTrue();
        assertThat(result.agreeing()).isEqualTo(5);
        assertThat(result.value()).isEqualTo(new BigDecimal("11.58"));
        assertThat(result.spread()).isEqualTo(new BigDecimal("0.30"));
    }

    @Test
    void an_outlier_below_quorum_opens_a_dispute_and_is_outvoted_by_more_verifiers() {
        // [11.40, 11.58, 14.00]: median 11.58, band 0.579 → 14.00 disagrees; 2 agree < quorum 3.
        final Consensus three =
                Consensus.decide(values("11.58", "11.40", "14.00"), FIVE_PERCENT, ValueRule.MEDIAN, 3, 2);
        // A fourth verifier at 11.50: median (11.50 + 11.58) / 2 = 11.54; 3 agree; value = median of them = 11.50.
        final Consensus four =
                Consensus.decide(values("11.58", "11.40", "14.00", "11.50"), FIVE_PERCENT, ValueRule.MEDIAN, 3, 2);

        assertThat(three.agree()).isFalse();
        assertThat(three.agreeing()).isEqualTo(2);
        assertThat(four.agree()).isTrue();
        assertThat(four.value()).isEqualTo(new BigDecimal("11.50"));
        assertThat(four.spread()).isEqualTo(new BigDecimal("2.60"));
    }

    @Test
    void even_median_minimum_and_mean_are_rounded_half_even() {
        // median of 1.001, 1.002 = 1.0015 → 1.002 (half-even); mean of 1.001, 1.002, 1.004 = 1.00233… → 1.002.
        final Tolerance loose = new Tolerance(null, new BigDecimal("1"));
        assertThat(Consensus.decide(values("1.002", "1.001"), loose, ValueRule.MEDIAN, 2, 3)
                        .value())
                .isEqualTo(new BigDecimal("1.002"));
        assertThat(Consensus.decide(values("1.001", "1.004", "1.002"), loose, ValueRule.MEAN, 3, 3)
                        .value())
                .isEqualTo(new BigDecimal("1.002"));
        assertThat(Consensus.decide(values("1.004", "1.001", "1.002"), loose, ValueRule.MINIMUM, 3, 3)
                        .value())
                .isEqualTo(new BigDecimal("1.001"));
    }

    @Test
    void absolute_tolerance_widens_the_band_for_small_values() {
        // commute policy: relative 2% or absolute 0.01 kgCO2e: band = max(0.01, 0.02 × 0.100) = 0.010.
        final Tolerance both = new Tolerance(new BigDecimal("0.02"), new BigDecimal("0.01"));
        assertThat(Consensus.decide(values("0.100", "0.110", "0.100"), both, ValueRule.MEDIAN, 3, 3)
                        .agree())
                .isTrue();
        assertThat(Consensus.decide(values("0.100", "0.111", "0.100"), both, ValueRule.MEDIAN, 3, 3)
                        .agree())
                .isFalse();
    }

    @Test
    void no_values_is_an_error() {
        assertCode(
                () -> Consensus.decide(List.of(), FIVE_PERCENT, ValueRule.MEDIAN, 3, 2), ProtocolError.VALUES_INVALID);
    }

    @Test
    void decimals_are_parsed_strictly_at_the_protocol_scale() {
        assertThat(Decimals.parse("11.5", 2)).isEqualTo(new BigDecimal("11.50"));
        assertCode(() -> Decimals.parse("11.505", 2), ProtocolError.VALUES_INVALID);
        assertCode(() -> Decimals.parse("eleven", 2), ProtocolError.VALUES_INVALID);
        assertCode(() -> Decimals.parse("1e16", 2), ProtocolError.VALUES_INVALID);
        assertCode(() -> Decimals.parse("1e3", 2), ProtocolError.VALUES_INVALID);
        assertCode(() -> Decimals.parse("+5", 2), ProtocolError.VALUES_INVALID);
        assertCode(() -> Decimals.parse(" 5", 2), ProtocolError.VALUES_INVALID);
        assertCode(() -> Decimals.parse("٣", 2), ProtocolError.VALUES_INVALID);
        assertThat(Decimals.of("x", -0.0001, 2)).isEqualTo(new BigDecimal("0.00"));
        // 0.125 is exact in binary: a true tie, rounded to even.
        assertThat(Decimals.of("x", 0.125, 2)).isEqualTo(new BigDecimal("0.12"));
        assertThat(Decimals.of("x", 0.375, 2)).isEqualTo(new BigDecimal("0.38"));
    }

    @Test
    void binding_needs_every_slot_and_distinct_dids() {
        final CompiledProtocol protocol = ProtocolLoader.bundled("cargo-bike-delivery", "1.1.0");
        final Map<String, String> slots = new java.util.HashMap<>(Map.of(
                "verifier-1", "did:web:v1.example",
                "verifier-2", "did:web:v2.example",
                "verifier-3", "did:web:v3.example",
                "verifier-4", "did:web:v4.example",
                "verifier-5", "did:web:v5.example",
                "validator", "did:web:validator.example"));

        final BoundPolicy bound = protocol.bind(slots);
        assertThat(bound.verifiers()).hasSize(5).first().isEqualTo("did:web:v1.example");
        assertThat(bound.validators()).containsExactly("did:web:validator.example");
        assertThat(bound.quorum()).isEqualTo(3);

        slots.put("verifier-5", "did:web:v1.example");
        assertCode(() -> protocol.bind(slots), ProtocolError.PROTOCOL_BINDING_INVALID);
        slots.put("verifier-5", "did:web:validator.example");
        assertCode(() -> protocol.bind(slots), ProtocolError.PROTOCOL_BINDING_INVALID);
        slots.put("verifier-5", "not a did");
        assertCode(() -> protocol.bind(slots), ProtocolError.PROTOCOL_BINDING_INVALID);
        slots.put("verifier-5", "did:web:v5.example#key-1");
        assertCode(() -> protocol.bind(slots), ProtocolError.PROTOCOL_BINDING_INVALID);
        slots.remove("verifier-5");
        assertCode(() -> protocol.bind(slots), ProtocolError.PROTOCOL_BINDING_INVALID);
    }
}
