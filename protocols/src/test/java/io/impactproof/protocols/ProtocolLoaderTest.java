package io.impactproof.protocols;

import static io.impactproof.protocols.Claims.assertCode;
import static io.impactproof.protocols.TestProtocols.loadChanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.protocols.engine.CompiledProtocol;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ProtocolLoaderTest {
    @Test
    void loads_every_bundled_protocol() {
        assertThat(ProtocolLoader.bundled())
                .extracting(CompiledProtocol::ref)
                .containsExactly(
                        "cargo-bike-delivery@1.1.0",
                        "home-to-work-commute@1.1.0",
                        "home-to-work-commute@1.2.0",
                        "low-carbon-forestry@1.1.0",
                        "server-lifetime-extension@1.0.0",
                        "cloud-right-sizing@1.0.0");
        ProtocolLoader.bundled().forEach(p -> {
            assertThat(p.protocol().sources()).isNotEmpty();
            assertThat(p.protocol().verification().verifiers()).hasSize(5);
        });
    }

    @Test
    void a_consent_names_required_string_fields_of_the_claim_schema() {
        final var commute = ProtocolLoader.bundled("home-to-work-commute", "1.2.0");
        assertThat(commute.protocol().consent().subject()).isEqualTo("commuter_id");
        final String json = commute.canonicalJson();
        for (final String broken : new String[] {
            json.replace("\"subject\":\"commuter_id\"", "\"subject\":\"employee_name\""),
            json.replace("\"month\":\"consent_month\"", "\"month\":\"distance_km\"")
        }) {
            final var error = org.assertj.core.api.Assertions.catchThrowableOfType(
                    ProtocolException.class, () -> ProtocolLoader.load(broken));
            assertThat(error.code()).isEqualTo(ProtocolError.PROTOCOL_FIELD_INVALID);
            assertThat(error.getMessage()).contains("must be a required string field of claimSchema");
        }
    }

    @Test
    void the_commute_allowance_is_paid_for_active_modes_only() {
        final var commute = ProtocolLoader.bundled("home-to-work-commute", "1.2.0");
        final String bike = "{'employer_siren':'356000000','commuter_id':'emp-00000001','trip_date':'2026-03-10',"
                + "'leg':'outbound','mode':'bike','distance_km':12,'proof_level':'sworn-statement','consent_month':'2026-03'}";
        assertThat(commute.evaluate(io.impactproof.credentials.json.Json.parse(bike.replace('\'', '"')))
                        .calculations()
                        .get("allowance_eur"))
                .isEqualByComparingTo("3.000");
        assertThat(commute.evaluate(io.impactproof.credentials.json.Json.parse(
                                bike.replace("'bike'", "'tram-metro'").replace('\'', '"')))
                        .calculations()
                        .get("allowance_eur"))
                .isEqualByComparingTo("0");
    }

    @Test
    void a_number_beyond_its_field_is_refused_with_a_code() {
        // Found by fuzzing: decimals of 76 digits escaped the loader as a parser exception.
        final String definition = ProtocolLoader.bundled("cargo-bike-delivery", "1.1.0")
                .canonicalJson()
                .replace("\"decimals\":2", "\"decimals\":" + "2".repeat(76));

        final var error = org.assertj.core.api.Assertions.catchThrowableOfType(
                ProtocolException.class, () -> ProtocolLoader.load(definition));

        assertThat(error.code()).isEqualTo(ProtocolError.PROTOCOL_MALFORMED);
    }

    @Test
    void an_unknown_json_schema_keyword_is_a_typo_not_ignored() {
        final String definition = ProtocolLoader.bundled("cargo-bike-delivery", "1.1.0")
                .canonicalJson()
                .replace("\"maximum\":1000", "\"maxmum\":1000");

        final var error = org.assertj.core.api.Assertions.catchThrowableOfType(
                ProtocolException.class, () -> ProtocolLoader.load(definition));

        assertThat(error.code()).isEqualTo(ProtocolError.PROTOCOL_SCHEMA_INVALID);
        assertThat(error.getMessage())
                .contains("unknown JSON Schema keyword \"maxmum\" at claimSchema.properties.parcels");
    }

    @Test
    void a_criterion_repeating_a_category_is_refused() {
        final var error = org.assertj.core.api.Assertions.catchThrowableOfType(
                ProtocolException.class,
                () -> ProtocolLoader.load(ProtocolLoader.bundled("server-lifetime-extension", "1.0.0")
                        .canonicalJson()
                        .replace("\"category\":\"primary-energy-saved\"", "\"category\":\"ghg-emissions-avoided\"")));

        assertThat(error.code()).isEqualTo(ProtocolError.PROTOCOL_FIELD_INVALID);
        assertThat(error.getMessage()).contains("never summed");
    }

    @Test
    void digest_is_over_the_canonical_form_not_the_formatting() {
        final CompiledProtocol fromYaml = ProtocolLoader.bundled("cargo-bike-delivery", "1.1.0");
        final CompiledProtocol fromJson = loadChanged(tree -> {});
        final CompiledProtocol changed =
                loadChanged(tree -> tree.withObject("constants").put("bonus_cap_eur_per_delivery", 12.0));

        assertThat(fromJson.digest()).isEqualTo(fromYaml.digest()).hasSize(64);
        assertThat(fromJson.digestSRI()).startsWith("sha384-").isEqualTo(fromYaml.digestSRI());
        assertThat(changed.digest()).isNotEqualTo(fromYaml.digest());
        assertThat(fromYaml.canonicalJson()).startsWith("{\"activity\":");
    }

    @Test
    void rejects_documents_that_do_not_parse() {
        assertCode(() -> ProtocolLoader.load("id: [unclosed"), ProtocolError.PROTOCOL_MALFORMED);
        assertCode(() -> ProtocolLoader.load("- a list"), ProtocolError.PROTOCOL_MALFORMED);
        assertCode(() -> ProtocolLoader.load("id: a\nid: b\n"), ProtocolError.PROTOCOL_MALFORMED);
        assertCode(
                () -> ProtocolLoader.load("x".repeat(ProtocolLoader.MAX_BYTES + 1)), ProtocolError.PROTOCOL_MALFORMED);
        assertCode(() -> loadChanged(t -> t.put("impact", "big")), ProtocolError.PROTOCOL_MALFORMED);
    }

    @Test
    void rejects_unknown_fields_anywhere() {
        assertCode(() -> loadChanged(t -> t.put("colour", "green")), ProtocolError.PROTOCOL_UNKNOWN_FIELD);
        assertCode(
                () -> loadChanged(t -> t.withObject("impact").put("formla", "1.0")),
                ProtocolError.PROTOCOL_UNKNOWN_FIELD);
        assertCode(
                () -> loadChanged(t -> t.withObject("verification").put("quorom", 3)),
                ProtocolError.PROTOCOL_UNKNOWN_FIELD);
    }

    @Test
    void rejects_missing_and_invalid_fields() {
        assertCode(() -> loadChanged(t -> t.remove("sources")), ProtocolError.PROTOCOL_FIELD_MISSING);
        assertCode(() -> loadChanged(t -> t.withObject("impact").remove("unit")), ProtocolError.PROTOCOL_FIELD_MISSING);
        assertCode(
                () -> loadChanged(t -> t.withObject("verification").remove("tolerance")),
                ProtocolError.PROTOCOL_FIELD_MISSING);
        assertCode(() -> loadChanged(t -> t.remove("validators")), ProtocolError.PROTOCOL_FIELD_MISSING);
        assertCode(() -> loadChanged(t -> t.put("version", "1.0")), ProtocolError.PROTOCOL_FIELD_INVALID);
        assertCode(() -> loadChanged(t -> t.put("id", "Cargo Bike")), ProtocolError.PROTOCOL_FIELD_INVALID);
        assertCode(
                () -> loadChanged(t -> t.withObject("verification").put("quorum", 6)),
                ProtocolError.PROTOCOL_FIELD_INVALID);
        assertCode(
                () -> loadChanged(t -> t.withObject("impact").put("pillar", "D")),
                ProtocolError.PROTOCOL_FIELD_INVALID);
        assertCode(
                () -> loadChanged(t -> t.withObject("impact").put("decimals", 12)),
                ProtocolError.PROTOCOL_FIELD_INVALID);
        assertCode(
                () -> loadChanged(t ->
                        t.withObject("verification").withObject("tolerance").put("relative", -0.1)),
                ProtocolError.PROTOCOL_FIELD_INVALID);
        assertCode(
                () -> loadChanged(
                        t -> t.withObject("verification").withArray("verifiers").add("verifier-1")),
                ProtocolError.PROTOCOL_FIELD_INVALID);
        assertCode(
                () -> loadChanged(t -> t.withObject("constants").put("distance_km", 1.0)),
                ProtocolError.PROTOCOL_FIELD_INVALID);
        assertCode(
                () -> loadChanged(t -> t.withObject("verification").put("valueRule", "average")),
                ProtocolError.PROTOCOL_MALFORMED);
    }

    @Test
    void rejects_cel_that_does_not_compile_or_has_the_wrong_type() {
        assertCode(
                () -> loadChanged(t -> t.withObject("impact").put("formula", "baseline_kwh -")),
                ProtocolError.PROTOCOL_EXPRESSION_INVALID);
        assertCode(
                () -> loadChanged(t -> t.withObject("impact").put("formula", "unknown_field * 2.0")),
                ProtocolError.PROTOCOL_EXPRESSION_INVALID);
        assertCode(
                () -> loadChanged(t -> t.withObject("impact").put("formula", "distance_km * 2")),
                ProtocolError.PROTOCOL_EXPRESSION_INVALID);
        assertCode(
                () -> loadChanged(t -> t.withObject("impact").put("formula", "parcels * 2")),
                ProtocolError.PROTOCOL_EXPRESSION_TYPE);
        assertCode(
                () -> loadChanged(t -> ((ObjectNode) t.withArray("eligibility").get(0)).put("rule", "distance_km")),
                ProtocolError.PROTOCOL_EXPRESSION_TYPE);
        assertCode(
                () -> loadChanged(
                        t -> t.withObject("activity").withObject("key").put("carrier", "parcels")),
                ProtocolError.PROTOCOL_EXPRESSION_TYPE);
    }

    @Test
    void rejects_a_claim_schema_that_is_not_json_schema() {
        assertCode(
                () -> loadChanged(t -> t.withObject("claimSchema").put("type", "thing")),
                ProtocolError.PROTOCOL_SCHEMA_INVALID);
        assertCode(
                () -> loadChanged(t -> t.withObject("claimSchema").put("required", "carrier_siren")),
                ProtocolError.PROTOCOL_SCHEMA_INVALID);
        assertCode(
                () -> loadChanged(t -> t.withObject("claimSchema").put("$ref", "https://evil.example/schema.json")),
                ProtocolError.PROTOCOL_SCHEMA_INVALID);
        assertCode(
                () -> loadChanged(t -> t.withObject("claimSchema").put("type", "array")),
                ProtocolError.PROTOCOL_SCHEMA_INVALID);
    }

    @Test
    void unknown_bundled_protocol_is_not_found() {
        assertCode(() -> ProtocolLoader.bundled("cargo-bike-delivery", "9.9.9"), ProtocolError.PROTOCOL_NOT_FOUND);
        assertCode(() -> ProtocolLoader.bundledFile("nope.yaml"), ProtocolError.PROTOCOL_NOT_FOUND);
    }
}
