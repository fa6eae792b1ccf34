package io.impactproof.protocols.engine;

import static io.impactproof.protocols.Claims.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.protocols.Claims;
import io.impactproof.protocols.ProtocolError;
import io.impactproof.protocols.ProtocolLoader;
import io.impactproof.protocols.TestProtocols;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Variants of one real identifier never give two uniqueness keys (a double-counting bypass): they
 * normalise to one key, or they are refused.
 */
class IdentifiersTest {
    private static final CompiledProtocol CARGO = ProtocolLoader.bundled("cargo-bike-delivery", "1.1.0");

    /** The cargo-bike protocol with the tracking number's pattern removed: only the engine guards it. */
    private static final CompiledProtocol LOOSE = TestProtocols.loadChanged(tree -> {
        final ObjectNode tracking =
                (ObjectNode) tree.path("claimSchema").path("properties").path("tracking_id");
        tracking.remove("pattern");
        tree.put("version", "9.0.0");
    });

    private static ObjectNode delivery(final String tracking) {
        return Claims.json("{'carrier_siren':'552100554','courier_id':'c7','delivered_on':'2026-03-10',"
                        + "'zone':'rural','mode':'cargo-bike','parcels':3,'distance_km':12.5}")
                .put("tracking_id", tracking);
    }

    @Test
    void variants_of_one_identifier_give_one_key_when_the_engine_alone_guards_it() {
        final String key = LOOSE.evaluate(delivery("ABC-123")).uniquenessKey();

        for (final String variant : List.of(
                "ABC-123 ", // trailing space
                "  ABC-123", // leading spaces
                "ＡＢＣ－１２３", // full width
                "abc-123")) { // case: a tracking number is declared case-insensitive
            assertThat(LOOSE.evaluate(delivery(variant)).uniquenessKey())
                    .as(variant)
                    .isEqualTo(key);
        }
        final String composed = LOOSE.evaluate(delivery("CAFÉ-1")).uniquenessKey();
        assertThat(LOOSE.evaluate(delivery("CAFE\u0301-1")).uniquenessKey())
                .as("decomposed form")
                .isEqualTo(composed);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ABC\u0000", "AB\u200BC", "\u202EABC", "AB\uD800C", "ABC\u0007", " ", "A\u0301\u0301\u0316B"})
    void identifiers_holding_invisible_or_broken_characters_are_refused(final String variant) {
        assertCode(() -> LOOSE.evaluate(delivery(variant)), ProtocolError.CLAIM_IDENTIFIER_INVALID);
    }

    @Test
    void the_bundled_protocols_say_which_characters_an_identifier_may_hold() {
        assertThat(CARGO.evaluate(delivery("lr-2026-001")).uniquenessKey())
                .isEqualTo(CARGO.evaluate(delivery("LR-2026-001")).uniquenessKey());
        for (final String variant : List.of("LR-2026-001 ", "ＬＲ-2026-001", "LR-2026-001\u0000", "LR\u202E-2026")) {
            assertCode(() -> CARGO.evaluate(delivery(variant)), ProtocolError.CLAIM_DATA_INVALID);
        }
        final CompiledProtocol commute = ProtocolLoader.bundled("home-to-work-commute", "1.1.0");
        final ObjectNode trip = Claims.json("{'employer_siren':'356000000','commuter_id':'emp-Abc12345',"
                + "'trip_date':'2026-03-10','leg':'outbound','mode':'bike','distance_km':12,"
                + "'proof_level':'sworn-statement','consent_month':'2026-03'}");
        assertThat(commute.evaluate(trip).uniquenessKey())
                .as("a commuter id is case-sensitive: two employees' apps may draw ids that differ by case")
                .isNotEqualTo(commute.evaluate(trip.deepCopy().put("commuter_id", "emp-abc12345"))
                        .uniquenessKey());
    }
}
