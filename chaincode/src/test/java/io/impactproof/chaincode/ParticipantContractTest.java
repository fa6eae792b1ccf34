package io.impactproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.Instructions;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.model.Actions;
import io.impactproof.model.participant.Participant;
import io.impactproof.model.participant.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ParticipantContractTest extends ContractTest {

    @Override
    TestRegistry open(final Path folder) {
        final TestRegistry registry = new TestRegistry(folder);
        registry.register(TestRegistry.ORG1, registry.operator, registry.operator, "operator");
        return registry;
    }

    private Participant get(final String did) {
        return r.client().participant(did);
    }

    @Test
    void the_first_operator_bootstraps_its_organisation_then_registers_others() {
        r.register(TestRegistry.ORG1, r.operator, r.owner, "owner", "financer");

        final Participant owner = get(r.owner.did());
        assertThat(owner.roles()).containsExactly(Role.OWNER, Role.FINANCER);
        assertThat(owner.organisation()).isEqualTo(TestRegistry.ORG1);
        assertThat(owner.keys()).containsOnlyKeys(r.owner.keyId());
        assertThat(owner.active()).isTrue();
        assertThat(r.client().participants(TestRegistry.ORG1, Role.OPERATOR))
                .extracting(Participant::did)
                .containsExactly(r.operator.did());
    }

    @Test
    void bootstrap_needs_an_operator_signing_for_itself() {
        r.assertRefused(() -> r.register(TestRegistry.ORG2, r.operator2, r.operator2, "owner"), "FORBIDDEN");
        r.assertRefused(() -> r.register(TestRegistry.ORG2, r.operator2, r.owner2, "operator"), "KEY_NOT_FOUND");
    }

    @Test
    void only_an_operator_of_the_organisation_registers_its_participants() {
        r.register(TestRegistry.ORG1, r.operator, r.owner, "owner");
        r.register(TestRegistry.ORG2, r.operator2, r.operator2, "operator");

        r.assertRefused(() -> r.register(TestRegistry.ORG1, r.owner, r.financer, "financer"), "WRONG_ROLE");
        r.assertRefused(() -> r.register(TestRegistry.ORG1, r.operator2, r.financer, "financer"), "WRONG_ORGANISATION");
        r.assertRefused(() -> r.register(TestRegistry.ORG2, r.operator, r.financer, "financer"), "WRONG_ORGANISATION");
        final ObjectNode intoOtherOrg =
                Instructions.registration(r.financer.did(), "f", TestRegistry.ORG2, List.of("financer"), r.financer);
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).register(r.sign(r.operator, Actions.REGISTER, intoOtherOrg)),
                "WRONG_ORGANISATION");
    }

    @Test
    void registering_again_is_idempotent_but_a_different_participant_is_refused() {
        r.register(TestRegistry.ORG1, r.operator, r.owner, "owner");
        r.clock.advance(Duration.ofSeconds(1));
        r.register(TestRegistry.ORG1, r.operator, r.owner, "owner");

        r.assertRefused(
                () -> r.register(TestRegistry.ORG1, r.operator, r.owner, "owner", "financer"), "PARTICIPANT_EXISTS");
    }

    @Test
    void a_replayed_instruction_is_refused() {
        final String instruction = r.sign(
                r.operator,
                Actions.REGISTER,
                Instructions.registration(r.owner.did(), "o", TestRegistry.ORG1, List.of("owner"), r.owner));
        r.client(TestRegistry.ORG1).register(instruction);

        r.assertRefused(() -> r.client(TestRegistry.ORG1).register(instruction), "INSTRUCTION_REPLAYED");
    }

    @Test
    void instructions_are_bound_to_their_action_and_time() {
        final ObjectNode args =
                Instructions.registration(r.owner.did(), "o", TestRegistry.ORG1, List.of("owner"), r.owner);
        final String stale = Instructions.sign(
                r.operator, Actions.REGISTER, args, r.clock.instant().minus(Duration.ofMinutes(11)));

        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).register(r.sign(r.operator, Actions.PUBLISH, args)),
                "INSTRUCTION_INVALID");
        r.assertRefused(() -> r.client(TestRegistry.ORG1).register(stale), "INSTRUCTION_INVALID");
        r.assertRefused(() -> r.client(TestRegistry.ORG1).register("not-a-jws"), "INSTRUCTION_INVALID");
        r.assertRefused(() -> r.client(TestRegistry.ORG1).deactivate("a.b.c"), "MALFORMED_JWT");
    }

    @Test
    void keys_must_fit_the_did_and_roles_must_exist() {
        final SigningKey other = SigningKey.generateEd25519DidKey();
        final ObjectNode wrongKey =
                Instructions.registration(r.owner.did(), "o", TestRegistry.ORG1, List.of("owner"), other);
        final ObjectNode badRole =
                Instructions.registration(r.owner.did(), "o", TestRegistry.ORG1, List.of("king"), r.owner);
        final ObjectNode noRole = Instructions.registration(r.owner.did(), "o", TestRegistry.ORG1, List.of(), r.owner);
        final ObjectNode privateKey =
                Instructions.registration(r.owner.did(), "o", TestRegistry.ORG1, List.of("owner"), r.owner);
        privateKey.withObject("keys").set(r.owner.keyId(), Json.parse(r.owner.toPrivateJwkJson()));

        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).register(r.sign(r.operator, Actions.REGISTER, wrongKey)),
                "KEY_INVALID");
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).register(r.sign(r.operator, Actions.REGISTER, badRole)),
                "ARGUMENT_INVALID");
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).register(r.sign(r.operator, Actions.REGISTER, noRole)),
                "ARGUMENT_INVALID");
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).register(r.sign(r.operator, Actions.REGISTER, privateKey)),
                "KEY_INVALID");
    }

    @Test
    void rotation_replaces_keys_and_the_old_key_stops_verifying() {
        r.register(TestRegistry.ORG1, r.operator, r.validator, "validator");
        final SigningKey next = SigningKey.of(r.validator.did() + "#key-2", SigningKey.newEd25519());
        final ObjectNode args = Json.object().put("did", r.validator.did());
        args.putObject("add").set(next.keyId(), Json.parse(next.publicKey().toJSONString()));
        args.putArray("remove").add(r.validator.keyId());

        r.client(TestRegistry.ORG1).rotateKey(r.sign(r.validator, Actions.ROTATE_KEY, args));

        assertThat(get(r.validator.did()).keys()).containsOnlyKeys(next.keyId());
        final ObjectNode again = Json.object().put("did", r.validator.did());
        again.putObject("add").set(next.keyId(), Json.parse(next.publicKey().toJSONString()));
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).rotateKey(r.sign(r.validator, Actions.ROTATE_KEY, again)),
                "KEY_NOT_FOUND");
        final ObjectNode removeAll = Json.object().put("did", r.validator.did());
        removeAll.putObject("add");
        removeAll.putArray("remove").add(next.keyId());
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).rotateKey(r.sign(next, Actions.ROTATE_KEY, removeAll)),
                "KEY_INVALID");
    }

    @Test
    void a_did_key_cannot_rotate() {
        r.register(TestRegistry.ORG1, r.operator, r.owner, "owner");
        final ObjectNode args = Json.object().put("did", r.owner.did());
        args.putObject("add");

        r.assertRefused(
                () -> r.client(TestRegistry.ORG1).rotateKey(r.sign(r.operator, Actions.ROTATE_KEY, args)),
                "KEY_INVALID");
    }

    @Test
    void a_deactivated_participant_can_no_longer_sign() {
        r.register(TestRegistry.ORG1, r.operator, r.owner, "owner");
        r.register(TestRegistry.ORG1, r.operator, r.financer, "financer");
        r.client(TestRegistry.ORG1)
                .deactivate(r.sign(r.operator, Actions.DEACTIVATE, Json.object().put("did", r.owner.did())));

        assertThat(get(r.owner.did()).active()).isFalse();
        r.clock.advance(Duration.ofSeconds(1));
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1)
                        .deactivate(r.sign(
                                r.operator, Actions.DEACTIVATE, Json.object().put("did", r.owner.did()))),
                "PARTICIPANT_INACTIVE");
        r.assertRefused(
                () -> r.client(TestRegistry.ORG1)
                        .deactivate(r.sign(
                                r.owner, Actions.DEACTIVATE, Json.object().put("did", r.financer.did()))),
                "KEY_NOT_FOUND");
        r.assertRefused(() -> r.client().participant("did:web:nobody.example"), "PARTICIPANT_NOT_FOUND");
    }
}
