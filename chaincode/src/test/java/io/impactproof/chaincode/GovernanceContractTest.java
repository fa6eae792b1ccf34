package io.impactproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.Instructions;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.model.Actions;
import io.impactproof.model.governance.Member;
import io.impactproof.model.governance.Proposal;
import io.impactproof.model.participant.Participant;
import io.impactproof.protocols.ProtocolLoader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Governance on the ledger: the founding charter, protocols published only with the quorum,
 * a third organisation admitted by decision, a member suspended by the others, and every irregular
 * vote refused with its own code.
 */
class GovernanceContractTest extends ContractTest {
    private static final String ORG3 = "Org3MSP";
    private final SigningKey operator3 = TestRegistry.web("operator.org3.example");

    private String sign(final SigningKey by, final String action, final ObjectNode args) {
        r.clock.advance(Duration.ofSeconds(1));
        return r.sign(by, action, args);
    }

    private Proposal propose(
            final String org, final SigningKey by, final String id, final String kind, final ObjectNode terms) {
        final ObjectNode args = Json.object().put("id", id).put("kind", kind);
        args.set("terms", terms);
        return r.client(org).propose(sign(by, Actions.PROPOSE, args));
    }

    private Proposal approve(final String org, final SigningKey by, final String id) {
        return r.client(org).approve(sign(by, Actions.APPROVE, Json.object().put("proposal", id)));
    }

    /** Org1 and Org2 adopt the founding charter: majority of the members. */
    private void found() {
        final ObjectNode charter = Json.object().put("quorum", "majority");
        charter.putArray("members").add(TestRegistry.ORG1).add(TestRegistry.ORG2);
        assertThat(propose(TestRegistry.ORG1, r.operator, "charter-1", Proposal.CHARTER, charter)
                        .status())
                .isEqualTo(Proposal.OPEN);
        assertThat(r.client().charter())
                .as("the founding charter needs every founder")
                .isEmpty();
        assertThat(approve(TestRegistry.ORG2, r.operator2, "charter-1").status())
                .isEqualTo(Proposal.ADOPTED);
    }

    private ObjectNode newVersion(final String version) {
        final ObjectNode terms = Json.object()
                .put(
                        "definition",
                        TestRegistry.bundledText("cargo-bike-delivery-1.1.0.yaml")
                                .replace("version: 1.1.0", "version: " + version));
        final ObjectNode bindings = terms.putObject("bindings");
        for (int i = 0; i < 5; i++) {
            bindings.put("verifier-" + (i + 1), r.verifiers.get(i).did());
        }
        bindings.put("validator", r.validator.did());
        return terms;
    }

    private ObjectNode admission() {
        final ObjectNode terms = Json.object().put("organisation", ORG3);
        terms.putArray("nodes").add("peer0.org3.example:11051");
        final ObjectNode operator =
                terms.putObject("operator").put("did", operator3.did()).put("name", "operator of org3");
        operator.putObject("keys")
                .set(operator3.keyId(), Json.parse(operator3.publicKey().toJSONString()));
        return terms;
    }

    @Test
    void the_founding_charter_makes_its_founders_members_and_closes_the_bootstrap() {
        found();

        assertThat(r.client().charter().orElseThrow().quorum()).isEqualTo("majority");
        assertThat(r.client().members())
                .extracting(Member::organisation)
                .containsExactly(TestRegistry.ORG1, TestRegistry.ORG2);
        final Proposal adopted = r.client().proposal("charter-1");
        assertThat(adopted.approvals())
                .extracting(Proposal.Approval::organisation)
                .containsExactly(TestRegistry.ORG1, TestRegistry.ORG2);
        assertThat(adopted.proposer()).isEqualTo(r.operator.did());
        // A protocol can no longer be published by one operator alone.
        final ObjectNode args = newVersion("9.0.0");
        r.assertRefused(() -> r.client().publish(sign(r.operator, Actions.PUBLISH, args)), "GOVERNANCE_REQUIRED");
        // Nor can a new organisation make itself an operator.
        r.assertRefused(
                () -> r.client(ORG3)
                        .register(sign(
                                operator3,
                                Actions.REGISTER,
                                Instructions.registration(
                                        operator3.did(), "operator of org3", ORG3, List.of("operator"), operator3))),
                "NOT_A_MEMBER");
    }

    @Test
    void a_protocol_takes_effect_only_with_the_quorum_and_each_organisation_votes_once() {
        found();

        final Proposal open =
                propose(TestRegistry.ORG1, r.operator, "publish-9", Proposal.PUBLISH_PROTOCOL, newVersion("9.0.0"));

        assertThat(open.needed()).isEqualTo(2);
        assertThat(open.status()).isEqualTo(Proposal.OPEN);
        r.assertRefused(() -> r.client().protocol("cargo-bike-delivery", "9.0.0"), "PROTOCOL_NOT_FOUND");
        r.assertRefused(() -> approve(TestRegistry.ORG1, r.operator, "publish-9"), "DUPLICATE_VOTE");
        r.assertRefused(() -> approve(TestRegistry.ORG1, r.owner, "publish-9"), "WRONG_ROLE");
        r.assertRefused(() -> approve(TestRegistry.ORG1, r.operator2, "publish-9"), "WRONG_ORGANISATION");
        assertThat(approve(TestRegistry.ORG2, r.operator2, "publish-9").status())
                .isEqualTo(Proposal.ADOPTED);
        assertThat(r.client().protocol("cargo-bike-delivery", "9.0.0").publishedBy())
                .isEqualTo(r.operator.did());
        r.assertRefused(() -> approve(TestRegistry.ORG2, r.operator2, "publish-9"), "PROPOSAL_DECIDED");
        r.assertRefused(() -> approve(TestRegistry.ORG2, r.operator2, "nope"), "PROPOSAL_NOT_FOUND");
        r.assertRefused(
                () -> propose(
                        TestRegistry.ORG1, r.operator, "publish-9", Proposal.PUBLISH_PROTOCOL, newVersion("9.0.1")),
                "PROPOSAL_EXISTS");
        // A definition that could not be published is refused when proposed, not when adopted.
        r.assertRefused(
                () -> propose(
                        TestRegistry.ORG1,
                        r.operator,
                        "publish-bad",
                        Proposal.PUBLISH_PROTOCOL,
                        Json.object().put("definition", "id: x").set("bindings", Json.object())),
                "PROTOCOL_FIELD_MISSING");
        final ObjectNode deprecation =
                Json.object().put("id", "cargo-bike-delivery").put("version", "9.0.0");
        propose(TestRegistry.ORG2, r.operator2, "deprecate-9", Proposal.DEPRECATE_PROTOCOL, deprecation);
        approve(TestRegistry.ORG1, r.operator, "deprecate-9");
        assertThat(r.client().protocol("cargo-bike-delivery", "9.0.0").status()).isEqualTo("DEPRECATED");
    }

    @Test
    void a_third_organisation_joins_by_decision_and_a_member_is_suspended_by_the_others() {
        found();
        propose(TestRegistry.ORG1, r.operator, "admit-org3", Proposal.ADD_MEMBER, admission());
        assertThat(r.client().members()).hasSize(2);

        approve(TestRegistry.ORG2, r.operator2, "admit-org3");

        final Member org3 = r.client().members().stream()
                .filter(m -> m.organisation().equals(ORG3))
                .findFirst()
                .orElseThrow();
        assertThat(org3.nodes()).containsExactly("peer0.org3.example:11051");
        assertThat(org3.decision()).isEqualTo("admit-org3");
        final Participant first = r.client().participant(operator3.did());
        assertThat(first.organisation()).isEqualTo(ORG3);
        // The new member's operator manages its own participants, as every operator does.
        final SigningKey owner3 = SigningKey.generateEd25519DidKey();
        r.register(ORG3, operator3, owner3, "owner");
        assertThat(r.client().participant(owner3.did()).organisation()).isEqualTo(ORG3);

        final Proposal suspension = propose(
                TestRegistry.ORG1,
                r.operator,
                "suspend-org3",
                Proposal.SUSPEND_MEMBER,
                Json.object().put("organisation", ORG3));
        assertThat(suspension.needed())
                .as("a majority of the two other members")
                .isEqualTo(2);
        r.assertRefused(() -> approve(ORG3, operator3, "suspend-org3"), "SELF_APPROVAL");
        approve(TestRegistry.ORG2, r.operator2, "suspend-org3");

        r.assertRefused(
                () -> r.submitClaims(ORG3, r.claim(owner3, "cargo-bike-delivery", TestRegistry.delivery("ORG3-1"))),
                "NOT_A_MEMBER");
        propose(TestRegistry.ORG1, r.operator, "publish-9", Proposal.PUBLISH_PROTOCOL, newVersion("9.0.0"));
        r.assertRefused(() -> approve(ORG3, operator3, "publish-9"), "NOT_A_MEMBER");
    }

    @Test
    void only_the_founders_adopt_the_founding_charter_and_the_first_proposal_is_one() {
        r.assertRefused(
                () -> propose(TestRegistry.ORG1, r.operator, "early", Proposal.PUBLISH_PROTOCOL, newVersion("9.0.0")),
                "ARGUMENT_INVALID");
        final ObjectNode charter = Json.object().put("quorum", "majority");
        charter.putArray("members").add(TestRegistry.ORG2);
        r.assertRefused(
                () -> propose(TestRegistry.ORG1, r.operator, "charter-x", Proposal.CHARTER, charter), "NOT_A_MEMBER");
        final ObjectNode tooMany = Json.object().put("quorum", "3");
        tooMany.putArray("members").add(TestRegistry.ORG1).add(TestRegistry.ORG2);
        r.assertRefused(
                () -> propose(TestRegistry.ORG1, r.operator, "charter-y", Proposal.CHARTER, tooMany),
                "ARGUMENT_INVALID");
        // Before any charter, the registry is in bootstrap: operators publish alone.
        assertThat(r.client().protocols()).hasSize(ProtocolLoader.BUNDLED.size());
    }
}
