package io.impactproof.gateway.http;

import static io.impactproof.gateway.http.Fixture.instruction;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.credentials.json.Json;
import io.impactproof.gateway.agents.ManagedAgents;
import io.impactproof.ledger.embedded.EmbeddedLedgerPort;
import io.impactproof.model.Actions;
import io.impactproof.model.governance.Proposal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Governance over HTTP, each organisation through its own port: Org1's operator proposes the
 * founding charter at its gateway, Org2's operator approves through Org2's; from then on an operator
 * alone cannot publish, and the gateway's own publication becomes a proposal that waits for Org2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GovernanceIntegrationTests {
    @TempDir
    static Path data;

    private Fixture f;
    private RegistryClient org2;

    @BeforeAll
    void start() {
        f = new Fixture(data);
        org2 = new RegistryClient(
                ((EmbeddedLedgerPort) f.gateway.bean(LedgerPort.class)).forOrganisation(Fixture.ORG2));
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void after_the_charter_a_protocol_needs_the_members_and_an_operator_alone_is_refused() {
        final ObjectNode charter = Json.object().put("quorum", "majority");
        charter.putArray("members").add("Org1MSP").add(Fixture.ORG2);
        final ObjectNode args = Json.object().put("id", "charter-1").put("kind", Proposal.CHARTER);
        args.set("terms", charter);
        final Gateway.Response proposed =
                f.gateway.postJson("/operators/proposals", instruction(f.operator(), Actions.PROPOSE, args));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().path("status").stringValue()).isEqualTo(Proposal.OPEN);
        assertThat(f.gateway.get("/governance").json().path("charter").isNull()).isTrue();
        f.refused(
                400,
                "PATH_MISMATCH",
                () -> f.gateway.postJson(
                        "/operators/proposals/other/approve",
                        instruction(f.operator(), Actions.APPROVE, Json.object().put("proposal", "charter-1"))));

        org2.approve(Fixture.sign(f.operator2, Actions.APPROVE, Json.object().put("proposal", "charter-1")));

        assertThat(f.gateway.get("/governance").json().at("/charter/quorum").stringValue())
                .isEqualTo("majority");
        assertThat(f.gateway.get("/governance").json().path("members")).hasSize(2);
        final String definition =
                ManagedAgents.bundled("cargo-bike-delivery-1.1.0.yaml").replace("version: 1.1.0", "version: 8.0.0");
        final ObjectNode publish = Json.object().put("definition", definition);
        final ObjectNode bindings = publish.putObject("bindings");
        for (int i = 0; i < 5; i++) {
            bindings.put("verifier-" + (i + 1), f.agents.verifiers().get(i).did());
        }
        bindings.put("validator", f.validator().did());
        f.refused(
                403,
                "GOVERNANCE_REQUIRED",
                () -> f.gateway.postJson("/operators/protocols", instruction(f.operator(), Actions.PUBLISH, publish)));

        assertThat(f.agents.publish(definition))
                .as("proposed to the members, not published")
                .isNull();
        final Proposal waiting = f.registry.proposals().stream()
                .filter(p -> p.kind().equals(Proposal.PUBLISH_PROTOCOL))
                .findFirst()
                .orElseThrow();
        assertThat(waiting.approvals())
                .extracting(Proposal.Approval::organisation)
                .containsExactly("Org1MSP");
        f.refused(404, "PROTOCOL_NOT_FOUND", () -> f.gateway.get("/protocols/cargo-bike-delivery/8.0.0"));
        org2.approve(Fixture.sign(f.operator2, Actions.APPROVE, Json.object().put("proposal", waiting.id())));
        assertThat(f.agents.publish(definition).organisation()).isEqualTo("Org1MSP");
        assertThat(f.gateway
                        .get("/governance/proposals/" + waiting.id())
                        .json()
                        .path("status")
                        .stringValue())
                .isEqualTo(Proposal.ADOPTED);
        assertThat(f.gateway.get("/governance/proposals").json()).hasSize(2);
    }
}
