package io.impactproof.gateway.http;

import static io.impactproof.gateway.http.Fixture.batch;
import static io.impactproof.gateway.http.Fixture.instruction;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.Instructions;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.gateway.agents.ManagedAgents;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.model.Actions;
import io.impactproof.model.claim.ClaimRecord;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may do what: every guarded endpoint is called by every kind of party, each with its own key,
 * and the outcome must be the one the table in docs/api.md states — allowed (✓), or refused with
 * that stable code and nothing changed. The table is the test's input, so the documentation cannot
 * drift from what the chaincode and gateway enforce.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixIntegrationTests {
    static final Path API_DOC = Path.of("..", "docs", "api.md");
    static final String BEGIN = "<!-- authorisation:begin -->";
    static final String END = "<!-- authorisation:end -->";
    static final List<String> PARTIES = List.of(
            "owner",
            "verifier",
            "validator",
            "financer",
            "operator",
            "other org",
            "unregistered",
            "impostor",
            "no signature");
    private static final Pattern JWS = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.([A-Za-z0-9_-]*)\\.[A-Za-z0-9_-]+");

    @TempDir
    static Path data;

    private Fixture f;
    private final AtomicInteger fresh = new AtomicInteger();

    /**
     * One guarded endpoint: the party of another organisation it is tried with, and what prepares the
     * state a call needs (a fresh claim, certificate…) and returns the call to make with a key.
     */
    private record Row(SigningKey otherOrg, Supplier<Function<SigningKey, Request>> prepare) {}

    /** An HTTP request, made by the test after the snapshot it must leave unchanged. */
    private record Request(String method, String path, String contentType, String body, List<String> headers) {
        static Request json(final String path, final JsonNode body) {
            return new Request("POST", path, "application/json", Json.write(body), List.of());
        }

        static Request get(final String path, final String... headers) {
            return new Request("GET", path, null, null, List.of(headers));
        }

        /** The same request with every JWS in it unsecured: {@code alg: none}, no signature. */
        Request unsigned() {
            return new Request(
                    method,
                    path,
                    contentType,
                    body == null ? null : strip(body),
                    headers.stream()
                            .map(AuthorisationMatrixIntegrationTests::strip)
                            .toList());
        }

        Gateway.Response send(final Gateway gateway) {
            final String[] h = headers.toArray(String[]::new);
            return "GET".equals(method) ? gateway.get(path, h) : gateway.post(path, contentType, body, h);
        }
    }

    static String strip(final String text) {
        final String none = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        return JWS.matcher(text).replaceAll(m -> none + "." + m.group(1) + ".");
    }

    @BeforeAll
    void start() {
        f = new Fixture(data);
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void every_party_may_do_exactly_what_the_api_documentation_says() throws IOException {
        final Map<String, Map<String, String>> documented = documented();
        final Map<String, Row> rows = rows();
        assertThat(documented.keySet())
                .as("every guarded endpoint has a row in docs/api.md, and every row is tested")
                .containsExactlyInAnyOrderElementsOf(rows.keySet());
        final List<String> mismatches = new ArrayList<>();
        final StringBuilder observed = new StringBuilder();
        for (final var entry : documented.entrySet()) {
            final Row row = rows.get(entry.getKey());
            observed.append("| `").append(entry.getKey()).append("` |");
            for (final String party : PARTIES) {
                final String expected = entry.getValue().get(party);
                final Function<SigningKey, Request> call = row.prepare().get();
                final Fixture.Snapshot before = f.snapshot();
                final Request request = "no signature".equals(party)
                        ? call.apply(f.owner).unsigned()
                        : call.apply(key(party, row, entry.getValue()));
                final Gateway.Response response = request.send(f.gateway);
                final boolean allowed = response.status() / 100 == 2;
                final String outcome = allowed ? "✓" : response.code();
                observed.append(' ').append(outcome).append(" |");
                if (!outcome.equals(expected)) {
                    mismatches.add(entry.getKey() + " by " + party + ": documented " + expected + ", got "
                            + response.status() + " " + response.body());
                } else if (!allowed) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.status()).isBetween(400, 499);
                    assertThat(f.snapshot())
                            .as(entry.getKey() + " refused for " + party + " changes nothing")
                            .isEqualTo(before);
                }
            }
            observed.append('\n');
        }
        assertThat(mismatches)
                .as("outcomes that differ from docs/api.md; observed table:%n%s", observed)
                .isEmpty();
    }

    private SigningKey key(final String party, final Row row, final Map<String, String> outcomes) {
        return switch (party) {
            case "owner" -> f.owner;
            case "verifier" -> f.verifier();
            case "validator" -> f.validator();
            case "financer" -> f.financer;
            case "operator" -> f.operator();
            case "other org" -> row.otherOrg();
            case "unregistered" -> f.stranger;
            // The key id of a party allowed here, with a private key that is not theirs.
            case "impostor" ->
                SigningKey.of(
                        key(
                                        outcomes.entrySet().stream()
                                                .filter(e -> "✓".equals(e.getValue()))
                                                .findFirst()
                                                .orElseThrow()
                                                .getKey(),
                                        row,
                                        outcomes)
                                .keyId(),
                        SigningKey.newEd25519());
            default -> throw new IllegalArgumentException(party);
        };
    }

    /** The table between the markers: endpoint → party → ✓ or the stable code of the refusal. */
    static Map<String, Map<String, String>> documented() throws IOException {
        final String doc = Files.readString(API_DOC);
        final String table = doc.substring(doc.indexOf(BEGIN) + BEGIN.length(), doc.indexOf(END));
        final Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (final String line : table.strip().split("\n")) {
            final String[] cells = line.split("\\|", -1);
            final String endpoint = cells[1].strip();
            if (!endpoint.startsWith("`")) {
                continue; // the header and its rule
            }
            assertThat(cells).as(line).hasSize(PARTIES.size() + 3);
            final Map<String, String> outcomes = new LinkedHashMap<>();
            for (int i = 0; i < PARTIES.size(); i++) {
                outcomes.put(PARTIES.get(i), cells[i + 2].strip().replace("`", ""));
            }
            rows.put(endpoint.replace("`", ""), outcomes);
        }
        return rows;
    }

    private Map<String, Row> rows() {
        final Calls gateway = new Calls();
        final Map<String, Row> rows = new LinkedHashMap<>();
        rows.put("POST /operators/participants", new Row(f.operator2, () -> by -> {
            final SigningKey newcomer = SigningKey.generateEd25519DidKey();
            return gateway.postJson(
                    "/operators/participants",
                    instruction(
                            by,
                            Actions.REGISTER,
                            Instructions.registration(
                                    newcomer.did(), "newcomer", "Org1MSP", List.of("owner"), newcomer)));
        }));
        rows.put("POST /operators/participants/{did}/deactivate", new Row(f.operator2, () -> {
            final SigningKey target = SigningKey.generateEd25519DidKey();
            f.agents.register(target, "to deactivate", "financer");
            return by -> gateway.postJson(
                    "/operators/participants/" + path(target.did()) + "/deactivate",
                    instruction(by, Actions.DEACTIVATE, Json.object().put("did", target.did())));
        }));
        rows.put("POST /participants/{did}/keys", new Row(f.operator2, () -> by -> {
            // The financer's keys: a did:web participant may rotate them, itself or through its operator.
            final SigningKey added =
                    SigningKey.of(f.financer.did() + "#key-" + (fresh.incrementAndGet() + 1), SigningKey.newEd25519());
            final ObjectNode args = Json.object().put("did", f.financer.did());
            args.putObject("add")
                    .set(added.keyId(), Json.parse(added.publicKey().toJSONString()));
            return gateway.postJson(
                    "/participants/" + path(f.financer.did()) + "/keys", instruction(by, Actions.ROTATE_KEY, args));
        }));
        rows.put("POST /operators/protocols", new Row(f.operator2, () -> {
            final ObjectNode args = Json.object().put("definition", freshVersion());
            args.set("bindings", bindings());
            return by -> gateway.postJson("/operators/protocols", instruction(by, Actions.PUBLISH, args));
        }));
        rows.put("POST /operators/protocols/{id}/{version}/deprecate", new Row(f.operator2, () -> {
            final String version = f.agents.publish(freshVersion()).version();
            return by -> gateway.postJson(
                    "/operators/protocols/" + Fixture.CARGO + "/" + version + "/deprecate",
                    instruction(
                            by,
                            Actions.DEPRECATE,
                            Json.object().put("id", Fixture.CARGO).put("version", version)));
        }));
        rows.put("POST /owners/evidence", new Row(f.owner2, () -> by -> {
            final String csv = "evidence," + UUID.randomUUID() + "\n";
            final String sha = Digests.sha256Hex(csv.getBytes(StandardCharsets.UTF_8));
            return gateway.post(
                    "/owners/evidence",
                    "text/csv",
                    csv,
                    "Authorization",
                    "Instruction "
                            + Fixture.sign(
                                    by, Actions.UPLOAD_EVIDENCE, Json.object().put("sha256", sha)));
        }));
        rows.put(
                "POST /owners/claims",
                new Row(f.owner2, () -> by -> gateway.postJson("/owners/claims", batch(f.claim(by)))));
        rows.put("GET /verifiers/claims/{id}/credential", new Row(f.verifier2, () -> {
            final ClaimRecord claim = f.submitted();
            return by -> gateway.get(
                    "/verifiers/claims/" + claim.id() + "/credential",
                    "Authorization",
                    "Instruction "
                            + Fixture.sign(by, Actions.READ_CLAIM, Json.object().put("claim", claim.id())));
        }));
        rows.put("GET /verifiers/claims/{id}/review", new Row(f.verifier2, () -> {
            final ClaimRecord claim = f.submitted();
            return by -> gateway.get(
                    "/verifiers/claims/" + claim.id() + "/review",
                    "Authorization",
                    "Instruction "
                            + Fixture.sign(by, Actions.READ_CLAIM, Json.object().put("claim", claim.id())));
        }));
        rows.put("POST /verifiers/attestations", new Row(f.verifier2, () -> {
            final ClaimRecord claim = f.submitted();
            final SignedCredential credential =
                    StoredCredentials.read(f.gateway.bean(ContentStore.class), claim.digest());
            return by -> gateway.postJson(
                    "/verifiers/attestations",
                    batch(VcJwt.sign(
                            ImpactCredentials.attestation(
                                    "urn:uuid:" + UUID.randomUUID(),
                                    by.did(),
                                    credential,
                                    "http://registry.test/claims/" + fresh.incrementAndGet(),
                                    f.protocol(),
                                    "11.58",
                                    "Verified",
                                    Instant.now()),
                            by,
                            Instant.now())));
        }));
        rows.put("POST /validators/certificates", new Row(f.validator2, () -> {
            final String claim = f.verified().id();
            return by -> gateway.postJson(
                    "/validators/certificates",
                    instruction(by, Actions.ISSUE, Json.object().put("claim", claim)));
        }));
        rows.put("POST /validators/claims/reject", new Row(f.validator2, () -> {
            final String claim = f.submitted().id();
            return by -> gateway.postJson(
                    "/validators/claims/reject",
                    instruction(
                            by,
                            Actions.REJECT,
                            Json.object().put("claim", claim).put("reason", "not eligible")));
        }));
        for (final String action : List.of("suspend", "revoke")) {
            rows.put("POST /validators/certificates/{serial}/" + action, new Row(f.validator2, () -> {
                final String serial = f.active().serial();
                return by -> gateway.postJson(
                        "/validators/certificates/" + serial + "/" + action,
                        instruction(
                                by,
                                "certificates." + action,
                                Json.object().put("serial", serial).put("reason", "audit")));
            }));
        }
        rows.put("POST /validators/certificates/{serial}/reinstate", new Row(f.validator2, () -> {
            final String serial = f.active().serial();
            f.registry.suspend(Fixture.sign(
                    f.validator(),
                    Actions.SUSPEND,
                    Json.object().put("serial", serial).put("reason", "audit")));
            return by -> gateway.postJson(
                    "/validators/certificates/" + serial + "/reinstate",
                    instruction(
                            by,
                            Actions.REINSTATE,
                            Json.object().put("serial", serial).put("reason", "cleared")));
        }));
        rows.put("POST /financers/certificates/{serial}/transfer", new Row(f.owner2, () -> {
            final String serial = f.active().serial();
            return by -> gateway.postJson(
                    "/financers/certificates/" + serial + "/transfer",
                    instruction(
                            by,
                            Actions.TRANSFER,
                            Json.object().put("serial", serial).put("to", f.financer.did())));
        }));
        rows.put("POST /financers/certificates/{serial}/split", new Row(f.owner2, () -> {
            final String serial = f.active().serial();
            final ObjectNode split = Json.object().put("serial", serial);
            split.putArray("quantities").add("1.00").add("10.58");
            return by -> gateway.postJson(
                    "/financers/certificates/" + serial + "/split", instruction(by, Actions.SPLIT, split));
        }));
        rows.put("POST /financers/certificates/{serial}/retire", new Row(f.owner2, () -> {
            final String serial = f.active().serial();
            return by -> gateway.postJson(
                    "/financers/certificates/" + serial + "/retire",
                    instruction(
                            by,
                            Actions.RETIRE,
                            Json.object()
                                    .put("serial", serial)
                                    .put("beneficiary", "Ville de Lyon")
                                    .put("purpose", "voluntary contribution")
                                    .put("jurisdiction", "FR")
                                    .put("reportingPeriod", "2026")));
        }));
        rows.put("POST /operators/proposals", new Row(f.operator2, () -> by -> {
            // A founding charter that stays open (Org2 never approves here): nothing else changes.
            final ObjectNode charter = Json.object().put("quorum", "majority");
            charter.putArray("members").add("Org1MSP").add(Fixture.ORG2);
            final ObjectNode args = Json.object()
                    .put("id", "charter-" + fresh.incrementAndGet())
                    .put("kind", "charter");
            args.set("terms", charter);
            return gateway.postJson("/operators/proposals", instruction(by, Actions.PROPOSE, args));
        }));
        rows.put("POST /financers/campaigns", new Row(f.financer2, () -> by -> {
            final ObjectNode args = campaign("matrix-" + fresh.incrementAndGet());
            return gateway.postJson("/financers/campaigns", instruction(by, Actions.OPEN_CAMPAIGN, args));
        }));
        rows.put("POST /owners/campaigns/{id}/apply", new Row(f.owner2, () -> {
            final String id = openCampaign();
            final String serial = f.active().serial();
            return by -> gateway.postJson(
                    "/owners/campaigns/" + id + "/apply",
                    instruction(
                            by, Actions.APPLY, Json.object().put("campaign", id).put("serial", serial)));
        }));
        rows.put("POST /financers/campaigns/{id}/pay", new Row(f.financer2, () -> {
            final String id = openCampaign();
            final String serial = f.active().serial();
            f.registry.apply(Fixture.sign(
                    f.owner, Actions.APPLY, Json.object().put("campaign", id).put("serial", serial)));
            return by -> gateway.postJson(
                    "/financers/campaigns/" + id + "/pay",
                    instruction(
                            by,
                            Actions.PAY,
                            Json.object()
                                    .put("campaign", id)
                                    .put("serial", serial)
                                    .put("amount", "1.00")
                                    .put("reference", "SEPA-1")
                                    .put("paidOn", "2026-04-02")));
        }));
        rows.put("POST /financers/campaigns/{id}/advance", new Row(f.financer2, () -> {
            final String id = openCampaign();
            return by -> gateway.postJson(
                    "/financers/campaigns/" + id + "/advance",
                    instruction(
                            by,
                            Actions.ADVANCE,
                            Json.object()
                                    .put("campaign", id)
                                    .put("owner", f.owner.did())
                                    .put("amount", "1.00")
                                    .put("reference", "ADV-1")
                                    .put("paidOn", "2026-04-02")));
        }));
        rows.put("POST /financers/campaigns/{id}/close", new Row(f.financer2, () -> {
            final String id = openCampaign();
            return by -> gateway.postJson(
                    "/financers/campaigns/" + id + "/close",
                    instruction(by, Actions.CLOSE_CAMPAIGN, Json.object().put("campaign", id)));
        }));
        return rows;
    }

    /** Requests to build, named like the {@link Gateway} calls they stand for. */
    private static final class Calls {
        Request postJson(final String path, final JsonNode body) {
            return Request.json(path, body);
        }

        Request post(final String path, final String contentType, final String body, final String... headers) {
            return new Request("POST", path, contentType, body, List.of(headers));
        }

        Request get(final String path, final String... headers) {
            return Request.get(path, headers);
        }
    }

    /** A campaign's terms: the cargo-bike bonus, a budget of 100 EUR. */
    private static ObjectNode campaign(final String id) {
        final ObjectNode args =
                Json.object().put("id", id).put("title", "campaign " + id).put("budget", "100.00");
        args.putObject("eligibility").putArray("protocols").addObject().put("id", Fixture.CARGO);
        args.putObject("terms").put("amount", "bonus_eur");
        return args;
    }

    /** A fresh campaign opened by the fixture's financer; returns its id. */
    private String openCampaign() {
        final String id = "matrix-" + fresh.incrementAndGet();
        f.registry.openCampaign(Fixture.sign(f.financer, Actions.OPEN_CAMPAIGN, campaign(id)));
        return id;
    }

    /** The bundled cargo-bike protocol under a version never published before. */
    private String freshVersion() {
        return ManagedAgents.bundled("cargo-bike-delivery-1.1.0.yaml")
                .replace("version: 1.1.0", "version: 7.0." + fresh.incrementAndGet());
    }

    private ObjectNode bindings() {
        final ObjectNode bindings = Json.object();
        for (int i = 0; i < f.agents.verifiers().size(); i++) {
            bindings.put("verifier-" + (i + 1), f.agents.verifiers().get(i).did());
        }
        return bindings.put("validator", f.validator().did());
    }

    private static String path(final String did) {
        return URLEncoder.encode(did, StandardCharsets.UTF_8);
    }
}
