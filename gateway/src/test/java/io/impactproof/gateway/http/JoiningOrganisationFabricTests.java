package io.impactproof.gateway.http;

import static io.impactproof.gateway.http.Fixture.instruction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactproof.client.Instructions;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.gateway.agents.ManagedAgents;
import io.impactproof.model.Actions;
import io.impactproof.model.RegistryError;
import io.impactproof.model.governance.Proposal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A third organisation joins the running network: {@code network/impactnet add-org org3} (its crypto,
 * a channel configuration update signed by the admins of org1 and org2, its peer and chaincode
 * server, a chaincode definition endorsed by a majority of three) while org1's gateway keeps taking
 * and certifying claims; then the members admit it on the ledger (org1 proposes, org2 approves,
 * org3 cannot vote on itself), and org3's own gateway submits claims to the one registry, where an
 * activity org1 certified is refused as double counting. Run by {@code scripts/test} after the other
 * Fabric tests, since it changes the network for good.
 */
class JoiningOrganisationFabricTests {
    static final String ORG1_URL = "http://org1.impactnet.test";
    static final String ORG2_URL = "http://org2.impactnet.test";
    static final String ORG3_URL = "http://org3.impactnet.test";

    @Test
    void org3_joins_while_the_network_serves_is_admitted_by_the_members_and_cannot_count_twice() throws Exception {
        final Impactnet net = Impactnet.up();
        try (Gateway org1 = Gateway.start(net.gatewayData("org1"), true, 0, ORG1_URL, net.settings("org1"));
                Gateway org2 = Gateway.start(
                        net.gatewayData("org2"), false, 0, ORG2_URL, net.settings("org2", "Org1MSP", org1.base))) {
            final ManagedAgents agents1 = org1.bean(ManagedAgents.class);
            final ManagedAgents agents2 = org2.bean(ManagedAgents.class);
            agents2.bootstrap();
            // The founding members adopt their charter: from now on only members register participants.
            final ObjectNode charter = Json.object().put("quorum", "majority");
            charter.putArray("members").add("Org1MSP").add("Org2MSP");
            decide(org1, org2, agents1.operator(), agents2.operator(), "fabric-charter", Proposal.CHARTER, charter);
            final SigningKey owner1 = SigningKey.generateEd25519DidKey();
            agents1.register(owner1, "a carrier of org1", "owner");

            // Claims keep coming through org1 while org3 joins; every one must be taken.
            final List<String> taken = Collections.synchronizedList(new ArrayList<>());
            final List<String> failures = Collections.synchronizedList(new ArrayList<>());
            final AtomicBoolean joining = new AtomicBoolean(true);
            final Thread load = new Thread(() -> {
                for (int i = 0; joining.get(); i++) {
                    try {
                        taken.add(org1.submitClaim(owner1, "cargo-bike-delivery", Gateway.delivery("JOIN-" + i)));
                    } catch (AssertionError | RuntimeException e) {
                        failures.add(e.getMessage());
                    }
                }
            });
            load.start();
            try {
                net.addOrg("org3");
            } finally {
                joining.set(false);
                load.join();
            }
            System.out.printf("%d claims taken through org1 while org3 joined%n", taken.size());
            assertThat(failures).as("claims refused while org3 joined").isEmpty();
            assertThat(taken).as("claims taken while org3 joined").hasSizeGreaterThan(5);
            final List<String> serials = new ArrayList<>();
            for (final String claim : taken) {
                serials.add(org1.awaitCertificate(claim));
            }

            try (Gateway org3 = Gateway.start(
                    net.gatewayData("org3"), false, 0, ORG3_URL, net.settings("org3", "Org1MSP", org1.base))) {
                admitted(org1, org2, org3);
                certifiedThroughOrg3(org1, org3, serials.get(0));
            }
        }
    }

    /**
     * Org3's admission under the founding charter (org1 and org2, majority): proposed by org1's
     * operator, refused to org3's own operator, adopted with org2's approval, which registers org3's
     * first operator. Until then org3 cannot register anyone.
     */
    private static void admitted(final Gateway org1, final Gateway org2, final Gateway org3) {
        final SigningKey operator1 = org1.bean(ManagedAgents.class).operator();
        final SigningKey operator2 = org2.bean(ManagedAgents.class).operator();
        final ManagedAgents agents3 = org3.bean(ManagedAgents.class);
        final SigningKey operator3 = agents3.operator();

        // Its node started all the same (its start-up registration refused, logged); nothing of org3 is on the ledger.
        assertThat(org3.get("/participants/" + operator3.did()).status()).isEqualTo(404);
        assertThatThrownBy(agents3::bootstrap)
                .as("no one of org3 is registered before the members admit it")
                .isInstanceOfSatisfying(
                        TransactionRefused.class,
                        e -> assertThat(e.code()).isEqualTo(RegistryError.NOT_A_MEMBER.name()));

        final ObjectNode terms = Json.object().put("organisation", "Org3MSP");
        terms.putObject("operator")
                .put("did", operator3.did())
                .put("name", "Registry operator of Org3MSP")
                .set(
                        "keys",
                        Instructions.registration(operator3.did(), "-", "Org3MSP", List.of(), operator3)
                                .path("keys"));
        // Its gateway (where the claims submitted through org3 are kept for their verifiers) and its peer.
        terms.putArray("nodes").add(org3.base).add("127.0.0.1:11051");
        final ObjectNode proposal = Json.object().put("id", "admit-org3").put("kind", Proposal.ADD_MEMBER);
        proposal.set("terms", terms);
        final Gateway.Response proposed =
                org1.postJson("/operators/proposals", instruction(operator1, Actions.PROPOSE, proposal));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().path("needed").intValue()).isEqualTo(2);
        final Gateway.Response self = org3.postJson(
                "/operators/proposals/admit-org3/approve",
                instruction(operator3, Actions.APPROVE, Json.object().put("proposal", "admit-org3")));
        // Org3 has no say in its own admission: its operator is not even registered yet.
        assertThat(self.status()).as(self.body()).isEqualTo(401);
        assertThat(self.code()).isEqualTo("KEY_NOT_FOUND");
        final Gateway.Response approved = org2.postJson(
                "/operators/proposals/admit-org3/approve",
                instruction(operator2, Actions.APPROVE, Json.object().put("proposal", "admit-org3")));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").stringValue()).isEqualTo(Proposal.ADOPTED);
        assertThat(approved.json().path("approvals").findValuesAsString("organisation"))
                .containsExactly("Org1MSP", "Org2MSP");

        final Gateway.Response late = org3.postJson(
                "/operators/proposals/admit-org3/approve",
                instruction(operator3, Actions.APPROVE, Json.object().put("proposal", "admit-org3")));
        assertThat(late.code()).as(late.body()).isEqualTo("PROPOSAL_DECIDED");
        // Org3's node reads the decision from its own peer.
        final var members = org3.get("/governance").json().path("members");
        assertThat(members.findValuesAsString("organisation"))
                .containsExactlyInAnyOrder("Org1MSP", "Org2MSP", "Org3MSP");
        assertThat(org3.get("/participants/" + operator3.did())
                        .json()
                        .path("organisation")
                        .stringValue())
                .isEqualTo("Org3MSP");
        agents3.bootstrap();
    }

    /** Proposed through the first organisation's gateway, approved through the second's: adopted. */
    private static void decide(
            final Gateway first,
            final Gateway second,
            final SigningKey proposer,
            final SigningKey approver,
            final String id,
            final String kind,
            final ObjectNode terms) {
        final ObjectNode args = Json.object().put("id", id).put("kind", kind);
        args.set("terms", terms);
        final Gateway.Response proposed =
                first.postJson("/operators/proposals", instruction(proposer, Actions.PROPOSE, args));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        final Gateway.Response approved = second.postJson(
                "/operators/proposals/" + id + "/approve",
                instruction(approver, Actions.APPROVE, Json.object().put("proposal", id)));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").stringValue()).isEqualTo(Proposal.ADOPTED);
    }

    /**
     * An owner of org3 submits through org3's gateway and peer: a new delivery is certified (by the
     * protocol's verifiers and validator, org1's agents) and recorded as org3's; a delivery org1
     * already certified is refused as double counting.
     */
    private static void certifiedThroughOrg3(final Gateway org1, final Gateway org3, final String org1Serial)
            throws InterruptedException {
        final SigningKey owner3 = SigningKey.generateEd25519DidKey();
        org3.bean(ManagedAgents.class).register(owner3, "a carrier of org3's territory", "owner");
        final String claim =
                org3.submitClaim(owner3, "cargo-bike-delivery", Gateway.delivery("ORG3-" + UUID.randomUUID()));
        final String serial = org3.awaitCertificate(claim);
        assertThat(org1.get("/owners/claims/" + claim)
                        .json()
                        .path("organisation")
                        .stringValue())
                .isEqualTo("Org3MSP");
        assertThat(org1.get("/certificates/" + serial).json().path("status").stringValue())
                .isEqualTo("ACTIVE");
        // Queries by organisation: the certificate is org3's (its claim came through org3), though
        // org1's validator issued it; org3's node serves its signed credential, fetched from org1's.
        assertThat(org1.get("/registry?organisation=Org3MSP")
                        .json()
                        .path("certificates")
                        .findValuesAsString("serial"))
                .containsExactly(serial);
        assertThat(org3.get("/registry?organisation=Org1MSP&serial=" + org1Serial)
                        .json()
                        .path("matches")
                        .intValue())
                .isOne();
        final Gateway.Response credential = org3.get("/certificates/" + serial, "Accept", "application/vc+jwt");
        assertThat(credential.status()).as(credential.body()).isEqualTo(200);
        assertThat(credential.body())
                .isEqualTo(org1.get("/certificates/" + serial, "Accept", "application/vc+jwt")
                        .body());

        final Gateway.Response refused = org3.claimAgain(org1, org1Serial, owner3);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("DOUBLE_COUNTING");
    }
}
