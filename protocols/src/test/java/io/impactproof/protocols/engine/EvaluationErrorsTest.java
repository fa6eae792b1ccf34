package io.impactproof.protocols.engine;

import static io.impactproof.protocols.Claims.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.credentials.json.Json;
import io.impactproof.protocols.Claims;
import io.impactproof.protocols.ProtocolError;
import io.impactproof.protocols.TestProtocols;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Run-time failures of formulas become clear errors, never a crash or a wrong value. */
class EvaluationErrorsTest {
    private static final String DELIVERY =
            "{'carrier_siren':'552100554','tracking_id':'CB-2026-000123','courier_id':'c7',"
                    + "'delivered_on':'2026-03-10','zone':'rural','mode':'cargo-bike','parcels':3,'distance_km':12.5}";

    private static CompiledProtocol withImpact(final String formula) {
        return TestProtocols.loadChanged(t -> {
            t.withObject("impact").put("formula", formula);
            t.withObject("claimSchema")
                    .withObject("properties")
                    .putObject("note")
                    .put("type", "number");
        });
    }

    private static ObjectNode delivery() {
        return Claims.json(DELIVERY);
    }

    @Test
    void integer_division_by_zero() {
        assertCode(
                () -> withImpact("double(parcels / (parcels - 3))").evaluate(delivery()),
                ProtocolError.CLAIM_EVALUATION_FAILED);
    }

    @Test
    void integer_overflow() {
        assertCode(
                () -> withImpact("double(parcels * 9223372036854775807)").evaluate(delivery()),
                ProtocolError.CLAIM_EVALUATION_FAILED);
    }

    @Test
    void missing_optional_field_and_missing_map_entry() {
        assertCode(() -> withImpact("note * 2.0").evaluate(delivery()), ProtocolError.CLAIM_FIELD_MISSING);
        assertCode(
                () -> withImpact("assist_kwh_per_km['van']").evaluate(delivery()), ProtocolError.CLAIM_FIELD_MISSING);
        assertThat(withImpact("has(claim.note) ? note : 1.0")
                        .evaluate(delivery())
                        .impact())
                .contains(new BigDecimal("1.00"));
        assertThat(withImpact("has(claim.note) ? note : 1.0")
                        .evaluate(delivery().put("note", 4.5))
                        .impact())
                .contains(new BigDecimal("4.50"));
    }

    @Test
    void floating_point_division_by_zero_and_overflow() {
        assertCode(() -> withImpact("distance_km / 0.0").evaluate(delivery()), ProtocolError.CLAIM_VALUE_NOT_FINITE);
        assertCode(
                () -> withImpact("distance_km * 1e300 * 1e300").evaluate(delivery()),
                ProtocolError.CLAIM_VALUE_NOT_FINITE);
        assertCode(() -> withImpact("distance_km * 1e20").evaluate(delivery()), ProtocolError.CLAIM_VALUE_OUT_OF_RANGE);
    }

    @Test
    void the_same_data_gives_the_same_result_whatever_its_key_order() {
        final CompiledProtocol protocol = withImpact("baseline_kwh - project_kwh");
        final ObjectNode reordered = Json.object();
        final ObjectNode original = delivery();
        final List<String> names = new ArrayList<>(original.propertyNames());
        Collections.reverse(names);
        names.forEach(k -> reordered.set(k, original.get(k)));

        final Evaluation a = protocol.evaluate(original);
        final Evaluation b = protocol.evaluate(reordered);

        assertThat(b).isEqualTo(a);
        assertThat(a.uniquenessKey()).matches("[0-9a-f]{64}");
    }
}
