package io.impactproof.protocols.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.protocols.Claims;
import io.impactproof.protocols.ProtocolLoader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hand-worked cases for cloud-right-sizing 1.0.0 with BoaviztAPI 2.5.0's figures for 720 h in FRA
 * at 30 % load: aws m5.2xlarge gwp 1.3 + 2.52, pe 17 + 291, adp 0.00018 + 0.00000125; m5.large gwp
 * 0.33 + 0.63, pe 4.3 + 73, adp 0.000044 + 0.000000313. Avoided = (before − after) × instances.
 */
class CloudRightSizingTest {
    private static final CompiledProtocol PROTOCOL = ProtocolLoader.bundled("cloud-right-sizing", "1.0.0");

    static ObjectNode month() {
        return Claims.json("{'account_id':'acct-7f3a','workload_id':'billing-api','provider':'aws',"
                + "'instance_before':'m5.2xlarge','instance_after':'m5.large','instances':2,'usage_location':'FRA',"
                + "'time_workload_before':30,'time_workload_after':30,'period_start':'2026-01-01',"
                + "'period_end':'2026-01-30','before_gwp_kgco2e':3.82,'before_pe_mj':308,"
                + "'before_adp_kgsbeq':0.00018125,'after_gwp_kgco2e':0.96,'after_pe_mj':77.3,"
                + "'after_adp_kgsbeq':0.000044313,'reference_implementation':'boaviztapi 2.5.0'}");
    }

    @Test
    void two_instances_one_size_down_for_thirty_days() {
        // gwp (3.82 − 0.96) × 2 = 5.72; pe (308 − 77.3) × 2 = 461.4; adp (0.00018125 − 0.000044313) × 2
        // = 0.000273874 → 0.000274 at 6 decimals.
        final Evaluation result = PROTOCOL.evaluate(month());

        assertThat(result.eligible()).isTrue();
        assertThat(result.calculations()).containsEntry("period_hours", new BigDecimal("720.000000"));
        assertThat(result.impact()).contains(new BigDecimal("5.720000"));
        assertThat(result.criteria())
                .extracting(CriterionValue::value)
                .containsExactly(new BigDecimal("461.400000"), new BigDecimal("0.000274"));
    }

    @Test
    void a_larger_instance_in_any_criterion_is_no_impact() {
        final Evaluation result = PROTOCOL.evaluate(month().put("after_pe_mj", 400));

        assertThat(result.eligible()).isFalse();
        assertThat(result.failures()).extracting(RuleFailure::ruleId).containsExactly("positive-impact");
        assertThat(result.failures().get(0).description()).startsWith("primary-energy must be greater than zero");
    }

    @Test
    void same_type_and_long_periods_are_ineligible() {
        assertThat(PROTOCOL.evaluate(month().put("instance_after", "m5.2xlarge"))
                        .failures())
                .extracting(RuleFailure::ruleId)
                .contains("another-instance-type");
        assertThat(PROTOCOL.evaluate(month().put("period_end", "2026-02-01")).failures())
                .extracting(RuleFailure::ruleId)
                .containsExactly("period-at-most-a-month");
    }
}
