package io.impactproof.protocols.engine;

import static io.impactproof.protocols.Claims.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.protocols.Claims;
import io.impactproof.protocols.ProtocolError;
import io.impactproof.protocols.ProtocolLoader;
import io.impactproof.protocols.model.ProofLevel;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hand-worked cases for cargo-bike-delivery 1.1.0. Constants: van 0.095 L/km, diesel 9.96 kWh/L,
 * assist 0.02 kWh/km (cargo bike) or 0 (foot); bonus 2.0 / 1.5 / 1.0 EUR per parcel (rural,
 * intermediate, dense) capped at 10 EUR; 2 decimals.
 */
class CargoBikeDeliveryTest {
    private static final CompiledProtocol PROTOCOL = ProtocolLoader.bundled("cargo-bike-delivery", "1.1.0");

    private static ObjectNode delivery() {
        return Claims.json("{'carrier_siren':'552100554','tracking_id':'CB-2026-000123','courier_id':'courier-7',"
                + "'delivered_on':'2026-03-10','zone':'rural','mode':'cargo-bike','parcels':3,'distance_km':12.5}");
    }

    @Test
    void valid_cargo_bike_delivery() {
        // baseline 12.5 × 0.095 × 9.96 = 11.8275 → 11.83; assist 12.5 × 0.02 = 0.25;
        // impact 11.8275 − 0.25 = 11.5775 → 11.58 kWh cumac; bonus 3 × 2.0 = 6.00 EUR.
        final Evaluation result = PROTOCOL.evaluate(delivery());

        assertThat(result.eligible()).isTrue();
        assertThat(result.impact()).contains(new BigDecimal("11.58"));
        assertThat(result.calculations())
                .containsEntry("baseline_kwh", new BigDecimal("11.83"))
                .containsEntry("project_kwh", new BigDecimal("0.25"))
                .containsEntry("bonus_eur", new BigDecimal("6.00"));
        assertThat(result.unit()).isEqualTo("kWh cumac");
        assertThat(result.category()).isEqualTo("final-energy-saved");
        assertThat(result.proofLevel()).isEqualTo(ProofLevel.CALCULATED);
        assertThat(result.periodStart()).hasToString("2026-03-10");
        assertThat(result.activityKey())
                .containsEntry("carrier", "552100554")
                .containsEntry("tracking", "CB-2026-000123");
    }

    @Test
    void delivery_on_foot_has_no_assist_energy() {
        // 2.0 × 0.095 × 9.96 = 1.8924 → 1.89.
        final Evaluation result =
                PROTOCOL.evaluate(delivery().put("mode", "foot").put("distance_km", 2.0));

        assertThat(result.impact()).contains(new BigDecimal("1.89"));
        assertThat(result.calculations()).containsEntry("project_kwh", new BigDecimal("0.00"));
    }

    @Test
    void bonus_is_capped_per_delivery_and_degressive_in_dense_zones() {
        // rural: 8 × 2.0 = 16 → capped at 10.00; dense: 8 × 1.0 = 8.00; intermediate: 5 × 1.5 = 7.50.
        assertThat(PROTOCOL.evaluate(delivery().put("parcels", 8)).calculations())
                .containsEntry("bonus_eur", new BigDecimal("10.00"));
        assertThat(PROTOCOL.evaluate(delivery().put("parcels", 8).put("zone", "dense"))
                        .calculations())
                .containsEntry("bonus_eur", new BigDecimal("8.00"));
        assertThat(PROTOCOL.evaluate(delivery().put("parcels", 5).put("zone", "intermediate"))
                        .calculations())
                .containsEntry("bonus_eur", new BigDecimal("7.50"));
    }

    @Test
    void van_delivery_is_ineligible() {
        final Evaluation result = PROTOCOL.evaluate(delivery().put("mode", "van"));

        assertThat(result.eligible()).isFalse();
        assertThat(result.failures()).extracting(RuleFailure::ruleId).containsExactly("low-carbon-mode");
        assertThat(result.impact()).isEmpty();
        assertThat(result.calculations()).isEmpty();
    }

    @Test
    void boundaries_of_distance_and_programme_period() {
        assertThat(PROTOCOL.evaluate(delivery().put("distance_km", 50.0)).eligible())
                .isTrue();
        assertThat(PROTOCOL.evaluate(delivery().put("distance_km", 50.01)).failures())
                .extracting(RuleFailure::ruleId)
                .containsExactly("plausible-distance");
        assertThat(PROTOCOL.evaluate(delivery().put("mode", "foot").put("distance_km", 5.0))
                        .eligible())
                .isTrue();
        assertThat(PROTOCOL.evaluate(delivery().put("mode", "foot").put("distance_km", 5.5))
                        .eligible())
                .isFalse();
        assertThat(PROTOCOL.evaluate(delivery().put("delivered_on", "2027-12-31"))
                        .eligible())
                .isTrue();
        assertThat(PROTOCOL.evaluate(delivery().put("delivered_on", "2028-01-01"))
                        .failures())
                .extracting(RuleFailure::ruleId)
                .containsExactly("programme-period");
    }

    @Test
    void malformed_claims_are_rejected_by_the_schema() {
        assertCode(() -> PROTOCOL.evaluate(delivery().put("parcels", 0)), ProtocolError.CLAIM_DATA_INVALID);
        assertCode(() -> PROTOCOL.evaluate(delivery().put("parcels", 2.5)), ProtocolError.CLAIM_DATA_INVALID);
        assertCode(() -> PROTOCOL.evaluate(delivery().put("carrier_siren", "ABC")), ProtocolError.CLAIM_DATA_INVALID);
        assertCode(() -> PROTOCOL.evaluate(delivery().put("unexpected", true)), ProtocolError.CLAIM_DATA_INVALID);
        final ObjectNode missing = delivery();
        missing.remove("tracking_id");
        assertCode(() -> PROTOCOL.evaluate(missing), ProtocolError.CLAIM_DATA_INVALID);
    }

    @Test
    void an_integer_distance_is_a_number_like_any_other() {
        assertThat(PROTOCOL.evaluate(delivery().put("distance_km", 10)).impact())
                .contains(new BigDecimal("9.26"));
    }
}
