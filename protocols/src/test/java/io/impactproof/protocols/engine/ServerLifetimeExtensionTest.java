package io.impactproof.protocols.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.protocols.Claims;
import io.impactproof.protocols.ProtocolLoader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hand-worked cases for server-lifetime-extension 1.0.0 with BoaviztAPI 2.5.0's own figures for its
 * Dell R740 test configuration (embedded gwp 967.9 kgCO2eq, pe 12870 MJ, adp 0.1492 kgSbeq):
 * share = period hours / (reference months × 730); each criterion = embedded × share, 6 decimals.
 */
class ServerLifetimeExtensionTest {
    private static final CompiledProtocol PROTOCOL = ProtocolLoader.bundled("server-lifetime-extension", "1.0.0");

    static ObjectNode year() {
        return Claims.json("{'operator_siren':'552100554','server_id':'DC1-R740-0042',"
                + "'server':{'model':{'type':'rack'},'configuration':{'cpu':{'units':2,'core_units':24,"
                + "'die_size_per_core':24.5},'ram':[{'units':12,'capacity':32,'density':1.79}],"
                + "'disk':[{'units':1,'type':'ssd','capacity':400,'density':50.6}],"
                + "'power_supply':{'units':2,'unit_weight':2.99}}},"
                + "'commissioned_on':'2021-01-01','reference_lifetime_months':48,"
                + "'extension_start':'2025-01-01','extension_end':'2025-12-31',"
                + "'embedded_gwp_kgco2e':967.9,'embedded_pe_mj':12870,'embedded_adp_kgsbeq':0.1492,"
                + "'reference_implementation':'boaviztapi 2.5.0'}");
    }

    @Test
    void a_year_beyond_four_years_avoids_a_quarter_of_a_replacement() {
        // 365 days = 8760 h over 48 × 730 = 35040 h: share 0.25.
        final Evaluation result = PROTOCOL.evaluate(year());

        assertThat(result.eligible()).isTrue();
        assertThat(result.calculations()).containsEntry("period_hours", new BigDecimal("8760.000000"));
        assertThat(result.calculations()).containsEntry("share", new BigDecimal("0.250000"));
        assertThat(result.impact()).contains(new BigDecimal("241.975000"));
        assertThat(result.unit()).isEqualTo("kgCO2e");
        assertThat(result.value("ghg-emissions-avoided")).contains(new BigDecimal("241.975000"));
        assertThat(result.value("abiotic-resources-saved")).contains(new BigDecimal("0.037300"));
        assertThat(result.value("final-energy-saved")).isEmpty();
        assertThat(result.criteria())
                .extracting(CriterionValue::id, CriterionValue::category, CriterionValue::unit, CriterionValue::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "primary-energy", "primary-energy-saved", "MJ", new BigDecimal("3217.500000")),
                        org.assertj.core.groups.Tuple.tuple(
                                "abiotic-resources", "abiotic-resources-saved", "kgSbeq", new BigDecimal("0.037300")));
    }

    @Test
    void each_criterion_has_the_activity_key_in_its_own_category() {
        final Evaluation result = PROTOCOL.evaluate(year());
        final Evaluation sameServerOtherCase = PROTOCOL.evaluate(year().put("server_id", "dc1-r740-0042"));

        assertThat(result.criteria()).extracting(CriterionValue::uniquenessKey).doesNotContain(result.uniquenessKey());
        assertThat(result.criteria().get(0).uniquenessKey())
                .isNotEqualTo(result.criteria().get(1).uniquenessKey());
        assertThat(sameServerOtherCase.uniquenessKey()).isEqualTo(result.uniquenessKey());
        assertThat(sameServerOtherCase.criteria()).isEqualTo(result.criteria());
    }

    @Test
    void the_period_starts_after_the_reference_lifetime_and_lasts_at_most_a_year() {
        // 2021-01-01 + 35040 h is 2024-12-31: the first day that may be claimed.
        assertThat(PROTOCOL.evaluate(year().put("extension_start", "2024-12-31"))
                        .eligible())
                .isTrue();
        assertThat(PROTOCOL.evaluate(year().put("extension_start", "2024-12-30").put("extension_end", "2025-12-29"))
                        .failures())
                .extracting(RuleFailure::ruleId)
                .containsExactly("beyond-reference-lifetime");
        // 366 days (8784 h, a leap year) is the longest period; 367 is too long.
        assertThat(PROTOCOL.evaluate(year().put("extension_end", "2026-01-01")).eligible())
                .isTrue();
        assertThat(PROTOCOL.evaluate(year().put("extension_end", "2026-01-02")).failures())
                .extracting(RuleFailure::ruleId)
                .containsExactly("period-at-most-a-year");
    }

    @Test
    void no_criterion_value_is_given_when_the_claim_is_ineligible() {
        final Evaluation result = PROTOCOL.evaluate(year().put("extension_start", "2023-01-01"));

        assertThat(result.eligible()).isFalse();
        assertThat(result.impact()).isEmpty();
        assertThat(result.criteria()).isEmpty();
    }
}
