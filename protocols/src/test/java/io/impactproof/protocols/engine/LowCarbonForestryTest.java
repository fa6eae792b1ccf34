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
 * Hand-worked cases for low-carbon-forestry 1.1.0: net = project − baseline − emissions − leakage;
 * impact = net × (1 − rebate[method]), rebates 0.10 / 0.15 / 0.20; tCO2e, 3 decimals.
 */
class LowCarbonForestryTest {
    private static final CompiledProtocol PROTOCOL = ProtocolLoader.bundled("low-carbon-forestry", "1.1.0");

    private static ObjectNode period() {
        return Claims.json("{'project_id':'LBC-2021-0042','site_ref':'17300-AB-0123','method':'afforestation',"
                + "'area_ha':12.4,'period_start':'2021-01-01','period_end':'2025-12-31','baseline_removals_tco2e':50.0,"
                + "'project_removals_tco2e':1250.0,'project_emissions_tco2e':12.5,'leakage_tco2e':0,"
                + "'not_legally_required':true,'no_other_carbon_funding':true}");
    }

    @Test
    void afforestation_after_rebate() {
        // net 1250 − 50 − 12.5 − 0 = 1187.5; × 0.90 = 1068.75 → 1068.750 tCO2e.
        final Evaluation result = PROTOCOL.evaluate(period());

        assertThat(result.eligible()).isTrue();
        assertThat(result.calculations()).containsEntry("net_tco2e", new BigDecimal("1187.500"));
        assertThat(result.impact()).contains(new BigDecimal("1068.750"));
        assertThat(result.proofLevel()).isEqualTo(ProofLevel.VERIFIED);
        assertThat(result.category()).isEqualTo("ghg-removals");
    }

    @Test
    void conversion_has_the_largest_rebate() {
        // 1187.5 × 0.80 = 950.000.
        assertThat(PROTOCOL.evaluate(period().put("method", "conversion")).impact())
                .contains(new BigDecimal("950.000"));
    }

    @Test
    void funding_elsewhere_and_legal_obligation_make_it_ineligible() {
        final Evaluation result =
                PROTOCOL.evaluate(period().put("no_other_carbon_funding", false).put("not_legally_required", false));

        assertThat(result.failures())
                .extracting(RuleFailure::ruleId)
                .containsExactly("regulatory-additionality", "no-double-funding");
    }

    @Test
    void no_net_removal_is_no_impact() {
        final Evaluation result = PROTOCOL.evaluate(period().put("project_removals_tco2e", 60.0));

        assertThat(result.eligible()).isFalse();
        assertThat(result.failures()).extracting(RuleFailure::ruleId).containsExactly("positive-impact");
    }

    @Test
    void boundaries_of_period_length_and_area() {
        // 2020-01-01 → 2024-12-31 is 1826 days ≤ 1826.25; → 2025-01-02 is 1828 days.
        assertThat(PROTOCOL.evaluate(period().put("period_start", "2020-01-01").put("period_end", "2024-12-31"))
                        .eligible())
                .isTrue();
        assertThat(PROTOCOL.evaluate(period().put("period_start", "2020-01-01").put("period_end", "2025-01-02"))
                        .failures())
                .extracting(RuleFailure::ruleId)
                .containsExactly("monitoring-period-length");
        assertThat(PROTOCOL.evaluate(period().put("area_ha", 0.5)).eligible()).isTrue();
        assertThat(PROTOCOL.evaluate(period().put("area_ha", 0.49)).eligible()).isFalse();
    }

    @Test
    void malformed_periods_are_rejected() {
        assertCode(
                () -> PROTOCOL.evaluate(period().put("period_end", "2020-12-31")), ProtocolError.CLAIM_PERIOD_INVALID);
        assertCode(() -> PROTOCOL.evaluate(period().put("area_ha", -1)), ProtocolError.CLAIM_DATA_INVALID);
        assertCode(() -> PROTOCOL.evaluate(period().put("method", "logging")), ProtocolError.CLAIM_DATA_INVALID);
    }
}
