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
 * Hand-worked cases for home-to-work-commute 1.1.0: avoided = distance × (0.218 − factor[mode]),
 * kgCO2e, 3 decimals; a carpool's factor is 0.218 / occupants.
 */
class HomeToWorkCommuteTest {
    private static final CompiledProtocol PROTOCOL = ProtocolLoader.bundled("home-to-work-commute", "1.1.0");

    private static ObjectNode trip() {
        return Claims.json(
                "{'employer_siren':'356000000','commuter_id':'emp-4f1c9a2b','trip_date':'2026-03-10',"
                        + "'leg':'outbound','mode':'bike','distance_km':12,'proof_level':'sworn-statement','consent_month':'2026-03'}");
    }

    @Test
    void bike_trip_avoids_the_whole_car_footprint() {
        // 12 × (0.218 − 0) = 2.616 kgCO2e.
        final Evaluation result = PROTOCOL.evaluate(trip());

        assertThat(result.eligible()).isTrue();
        assertThat(result.impact()).contains(new BigDecimal("2.616"));
        assertThat(result.calculations()).containsEntry("baseline_kgco2e", new BigDecimal("2.616"));
        assertThat(result.proofLevel()).isEqualTo(ProofLevel.DECLARATIVE);
    }

    @Test
    void e_bike_detected_on_the_phone_is_calculated_proof() {
        // 8 × (0.218 − 0.011) = 8 × 0.207 = 1.656.
        final Evaluation result = PROTOCOL.evaluate(
                trip().put("mode", "e-bike").put("distance_km", 8.0).put("proof_level", "phone-detection"));

        assertThat(result.impact()).contains(new BigDecimal("1.656"));
        assertThat(result.proofLevel()).isEqualTo(ProofLevel.CALCULATED);
    }

    @Test
    void carpool_shares_the_car_among_occupants() {
        // passenger of 2: factor 0.218 / 2 = 0.109; 20 × 0.109 = 2.180. With 3: 20 × (0.218 − 0.072667) = 2.907.
        final ObjectNode carpool =
                trip().put("mode", "carpool-passenger").put("distance_km", 20).put("carpool_occupants", 2);

        assertThat(PROTOCOL.evaluate(carpool).impact()).contains(new BigDecimal("2.180"));
        assertThat(PROTOCOL.evaluate(carpool.put("carpool_occupants", 3)).impact())
                .contains(new BigDecimal("2.907"));
        assertThat(PROTOCOL.evaluate(carpool.put("proof_level", "operator-confirmed"))
                        .proofLevel())
                .isEqualTo(ProofLevel.VERIFIED);
    }

    @Test
    void solo_car_and_single_occupant_carpool_are_ineligible() {
        assertThat(PROTOCOL.evaluate(trip().put("mode", "car")).failures())
                .extracting(RuleFailure::ruleId)
                .containsExactly("sustainable-mode");
        final ObjectNode lonely = trip().put("mode", "carpool-driver");
        assertThat(PROTOCOL.evaluate(lonely).failures())
                .extracting(RuleFailure::ruleId)
                .containsExactly("carpool-occupants");
        assertThat(PROTOCOL.evaluate(lonely.put("carpool_occupants", 1)).eligible())
                .isFalse();
    }

    @Test
    void boundaries_of_distance_and_consent() {
        // 40 × 0.218 = 8.720 at the bike limit.
        assertThat(PROTOCOL.evaluate(trip().put("distance_km", 40.0)).impact()).contains(new BigDecimal("8.720"));
        assertThat(PROTOCOL.evaluate(trip().put("distance_km", 40.5)).failures())
                .extracting(RuleFailure::ruleId)
                .containsExactly("plausible-distance");
        assertThat(PROTOCOL.evaluate(trip().put("mode", "train").put("distance_km", 150.0))
                        .eligible())
                .isTrue();
        assertThat(PROTOCOL.evaluate(trip().put("consent_month", "2026-02")).failures())
                .extracting(RuleFailure::ruleId)
                .containsExactly("monthly-consent");
    }

    @Test
    void both_legs_of_a_day_are_distinct_activities_and_assets() {
        final Evaluation outbound = PROTOCOL.evaluate(trip());
        final Evaluation back = PROTOCOL.evaluate(trip().put("leg", "return"));

        assertThat(outbound.uniquenessKey()).isNotEqualTo(back.uniquenessKey());
        assertThat(outbound.assetKey()).isNotEqualTo(back.assetKey());
        assertThat(PROTOCOL.evaluate(trip().put("mode", "walk").put("distance_km", 2))
                        .uniquenessKey())
                .isEqualTo(outbound.uniquenessKey());
    }

    @Test
    void malformed_trips_are_rejected() {
        assertCode(() -> PROTOCOL.evaluate(trip().put("proof_level", "rumour")), ProtocolError.CLAIM_DATA_INVALID);
        assertCode(() -> PROTOCOL.evaluate(trip().put("mode", "teleport")), ProtocolError.CLAIM_DATA_INVALID);
        assertCode(() -> PROTOCOL.evaluate(trip().put("distance_km", -3)), ProtocolError.CLAIM_DATA_INVALID);
        assertCode(() -> PROTOCOL.evaluate(trip().put("trip_date", "10/03/2026")), ProtocolError.CLAIM_DATA_INVALID);
        assertCode(() -> PROTOCOL.evaluate(trip().put("trip_date", "2026-02-30")), ProtocolError.CLAIM_PERIOD_INVALID);
    }
}
