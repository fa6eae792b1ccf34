package io.impactproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.credentials.json.Json;
import io.impactproof.model.Actions;
import io.impactproof.model.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ProtocolContractTest extends ContractTest {

    @Test
    void published_protocols_are_anchored_with_their_digest_and_bound_policy() {
        final PublishedProtocol commute = r.protocol("home-to-work-commute");
        final var compiled = ProtocolLoader.bundled("home-to-work-commute", "1.1.0");

        assertThat(commute.digest()).isEqualTo(compiled.digest());
        assertThat(commute.digestSRI()).isEqualTo(compiled.digestSRI());
        assertThat(commute.definition()).isEqualTo(compiled.canonicalJson());
        assertThat(commute.verifiers())
                .containsExactlyElementsOf(
                        r.verifiers.stream().map(v -> v.did()).toList());
        assertThat(commute.validators()).containsExactly(r.validator.did());
        assertThat(commute.quorum()).isEqualTo(3);
        assertThat(commute.unit()).isEqualTo("kgCO2e");
        assertThat(commute.status()).isEqualTo(PublishedProtocol.ACTIVE);
        assertThat(r.client().protocols()).hasSize(ProtocolLoader.BUNDLED.size());
    }

    @Test
    void publishing_the_same_version_again_is_idempotent_but_a_changed_one_is_refused() {
        final String definition = TestRegistry.bundledText("cargo-bike-delivery-1.1.0.yaml");
        r.clock.advance(Duration.ofSeconds(1));
        r.publish(definition);

        r.assertRefused(
                () -> r.publish(
                        definition.replace("bonus_cap_eur_per_delivery: 10.0", "bonus_cap_eur_per_delivery: 12.0")),
                "PROTOCOL_VERSION_EXISTS");
    }

    @Test
    void an_invalid_definition_keeps_its_protocol_error_code() {
        r.assertRefused(() -> r.publish("id: [broken"), "PROTOCOL_MALFORMED");
        r.assertRefused(
                () -> r.publish(TestRegistry.bundledText("cargo-bike-delivery-1.1.0.yaml")
                        .replace("version: 1.1.0", "version: 2.0.0\ncolour: red")),
                "PROTOCOL_UNKNOWN_FIELD");
    }

    @Test
    void every_slot_is_bound_to_a_registered_participant_of_the_right_role() {
        final ObjectNode args = Json.object()
                .put(
                        "definition",
                        TestRegistry.bundledText("cargo-bike-delivery-1.1.0.yaml")
                                .replace("version: 1.1.0", "version: 1.2.0"));
        final ObjectNode bindings = args.putObject("bindings");
        for (int i = 0; i < 5; i++) {
            bindings.put("verifier-" + (i + 1), r.verifiers.get(i).did());
        }
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).publish(r.sign(r.operator, Actions.PUBLISH, args)),
                "PROTOCOL_BINDING_INVALID");
        bindings.put("validator", r.financer.did());
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).publish(r.sign(r.operator, Actions.PUBLISH, args)), "WRONG_ROLE");
        bindings.put("validator", "did:web:stranger.example");
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).publish(r.sign(r.operator, Actions.PUBLISH, args)),
                "PARTICIPANT_NOT_FOUND");
        bindings.put("validator", r.validator.did());
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).publish(r.sign(r.owner, Actions.PUBLISH, args)), "WRONG_ROLE");
        args.set("bindings", Json.array());
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).publish(r.sign(r.operator, Actions.PUBLISH, args)),
                "ARGUMENT_INVALID");
    }

    @Test
    void deprecation_stops_new_claims_and_only_the_publisher_may_deprecate() {
        final ObjectNode args = Json.object().put("id", "cargo-bike-delivery").put("version", "1.1.0");
        r.assertRefused(
                () -> r.client(TestRegistry.ORG2).deprecate(r.sign(r.operator2, Actions.DEPRECATE, args)),
                "WRONG_ORGANISATION");
        final var claim = r.claim(r.owner, "cargo-bike-delivery", TestRegistry.delivery("CB-1"));

        r.client(TestRegistry.ORG1).deprecate(r.sign(r.operator, Actions.DEPRECATE, args));

        assertThat(r.protocol("cargo-bike-delivery").status()).isEqualTo(PublishedProtocol.DEPRECATED);
        r.assertRefused(() -> r.submitClaims(TestRegistry.ORG1, claim), "PROTOCOL_DEPRECATED");
        r.clock.advance(Duration.ofSeconds(1));
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).deprecate(r.sign(r.operator, Actions.DEPRECATE, args)),
                "PROTOCOL_DEPRECATED");
        r.assertRefused(() -> r.client().protocol("cargo-bike-delivery", "9.0.0"), "PROTOCOL_NOT_FOUND");
    }
}
