package io.impactproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.Instructions;
import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.ledger.embedded.EmbeddedLedger;
import io.impactproof.ledger.embedded.EmbeddedLedgerPort;
import io.impactproof.model.Actions;
import io.impactproof.model.attestation.AttestationRecord;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.participant.Participant;
import io.impactproof.model.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A registry on an embedded ledger in a temporary folder, driven through the typed client as the
 * gateway drives it: two organisations (a port each), an operator each, an owner each, five
 * verifiers, a validator and a financer, and the bundled protocols published. Raw submissions exist
 * only for the hostile inputs the typed client cannot even express.
 */
public final class TestRegistry implements AutoCloseable {
    public static final String ORG1 = "Org1MSP";
    public static final String ORG2 = "Org2MSP";
    public static final Instant START = Instant.parse("2026-04-01T08:00:00Z");
    public static final String BASE_URL = "https://registry.impactproof.test";

    public final MutableClock clock = new MutableClock(START);
    public final Path dir;
    public EmbeddedLedger ledger;
    public final SigningKey operator = web("operator.org1.example");
    public final SigningKey operator2 = web("operator.org2.example");
    public final SigningKey owner = SigningKey.generateEd25519DidKey();
    public final SigningKey owner2 = SigningKey.generateEd25519DidKey();
    public final SigningKey validator = web("validator.org1.example");
    public final SigningKey financer = web("fund.org1.example");
    public final List<SigningKey> verifiers = new ArrayList<>();

    public TestRegistry(final Path dir) {
        this.dir = dir;
        this.ledger = EmbeddedLedger.open(dir, clock);
        for (int i = 1; i <= 5; i++) {
            verifiers.add(web("verifier-" + i + ".example"));
        }
    }

    /** Registers everyone and publishes the three bundled protocols. */
    public static TestRegistry populated(final Path dir) {
        final TestRegistry r = new TestRegistry(dir);
        r.register(ORG1, r.operator, r.operator, "operator");
        r.register(ORG2, r.operator2, r.operator2, "operator");
        r.register(ORG1, r.operator, r.owner, "owner");
        r.register(ORG2, r.operator2, r.owner2, "owner");
        r.register(ORG1, r.operator, r.validator, "validator");
        r.register(ORG1, r.operator, r.financer, "financer");
        r.verifiers.forEach(v -> r.register(ORG1, r.operator, v, "verifier"));
        for (final String file : ProtocolLoader.BUNDLED) {
            r.publish(bundledText(file));
        }
        return r;
    }

    public static SigningKey web(final String host) {
        return SigningKey.of("did:web:" + host + "#key-1", SigningKey.newEd25519());
    }

    public void reopen() {
        ledger.close();
        ledger = EmbeddedLedger.open(dir, clock);
    }

    /** The ledger as an organisation's gateway sees it. */
    public LedgerPort port(final String org) {
        return EmbeddedLedgerPort.sharing(ledger, org);
    }

    /** The typed client of an organisation. */
    public RegistryClient client(final String org) {
        return new RegistryClient(port(org));
    }

    /** The typed client of Org1. */
    public RegistryClient client() {
        return client(ORG1);
    }

    public Participant register(
            final String org, final SigningKey signer, final SigningKey participant, final String... roles) {
        final ObjectNode args = Instructions.registration(
                participant.did(), "name of " + participant.did(), org, List.of(roles), participant);
        return client(org).register(sign(signer, Actions.REGISTER, args));
    }

    public PublishedProtocol publish(final String definition) {
        final ObjectNode args = Json.object().put("definition", definition);
        final ObjectNode bindings = args.putObject("bindings");
        for (int i = 0; i < 5; i++) {
            bindings.put("verifier-" + (i + 1), verifiers.get(i).did());
        }
        bindings.put("validator", validator.did());
        return client().publish(sign(operator, Actions.PUBLISH, args));
    }

    public String sign(final SigningKey key, final String action, final ObjectNode args) {
        return Instructions.sign(key, action, args, clock.instant());
    }

    /** A raw submission, for inputs the typed client cannot express. */
    public String submit(final String org, final String function, final String... args) {
        return new String(port(org).submit(function, List.of(args), Map.of()), StandardCharsets.UTF_8);
    }

    /** A raw submission with one transient field, for inputs the typed client cannot express. */
    public byte[] submitTransient(
            final String org, final String function, final String field, final String value, final String... args) {
        return port(org).submit(function, List.of(args), Map.of(field, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** A bundled protocol as published, at its bundled version. */
    public PublishedProtocol protocol(final String id) {
        final String version = ProtocolLoader.bundled().stream()
                .filter(p -> p.protocol().id().equals(id))
                .map(p -> p.protocol().version())
                .findFirst()
                .orElse("1.1.0");
        return client().protocol(id, version);
    }

    /** A verifier's attestation of one record of a claim (a multi-criteria claim has one per criterion). */
    public SignedCredential attestation(
            final SignedCredential claim, final SigningKey verifier, final ClaimRecord record, final String value) {
        final var vc = ImpactCredentials.attestation(
                "urn:uuid:" + UUID.randomUUID(),
                verifier.did(),
                claim,
                BASE_URL + "/credentials/" + claim.credential().id().orElseThrow() + "/jwt",
                client().protocol(
                                record.protocol().split("@")[0],
                                record.protocol().split("@")[1]),
                new ImpactCredentials.Attested(record.id(), record.unit(), value, "Verified", null),
                clock.instant());
        return VcJwt.sign(vc, verifier, clock.instant());
    }

    public SignedCredential claim(final SigningKey by, final String protocolId, final JsonNode data) {
        final var vc = ImpactCredentials.claim(
                "urn:uuid:" + UUID.randomUUID(),
                by.did(),
                protocol(protocolId),
                data,
                List.of(new ImpactCredentials.Evidence(
                        BASE_URL + "/artifacts/sha256/00",
                        "source data",
                        "text/csv",
                        "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))),
                clock.instant());
        return VcJwt.sign(vc, by, clock.instant());
    }

    public List<ClaimRecord> submitClaims(final String org, final SignedCredential... claims) {
        return client(org).submitClaims(List.of(claims));
    }

    public ClaimRecord claimRecord(final String id) {
        return client().claim(id);
    }

    /** The claims awaiting a verifier (the first page, up to 1000). */
    public List<ClaimRecord> awaiting(final SigningKey verifier) {
        return client().awaiting(verifier.did(), 1000, "").records();
    }

    /** The claims with a status (the first page, up to 1000). */
    public List<ClaimRecord> withStatus(final String status) {
        return client().claimsWithStatus(status, 1000, "").records();
    }

    public SignedCredential attestation(
            final SignedCredential claim, final SigningKey verifier, final String protocolId, final String value) {
        final var vc = ImpactCredentials.attestation(
                "urn:uuid:" + UUID.randomUUID(),
                verifier.did(),
                claim,
                BASE_URL + "/credentials/" + claim.credential().id().orElseThrow() + "/jwt",
                protocol(protocolId),
                value,
                "Verified",
                clock.instant());
        return VcJwt.sign(vc, verifier, clock.instant());
    }

    public List<AttestationRecord> attest(final SignedCredential... attestations) {
        return client().attest(List.of(attestations));
    }

    /** The first n verifiers attest the same value. */
    public void attestAll(final SignedCredential claim, final String protocolId, final String value, final int n) {
        final SignedCredential[] out = new SignedCredential[n];
        for (int i = 0; i < n; i++) {
            out[i] = attestation(claim, verifiers.get(i), protocolId, value);
        }
        attest(out);
    }

    public CertificateRecord issue(final SigningKey by, final String claimId) {
        return client().issue(sign(by, Actions.ISSUE, Json.object().put("claim", claimId)))
                .get(0);
    }

    /**
     * An ACTIVE certificate of one claim of {@code by} under a bundled protocol: submitted through
     * {@code org}, attested {@code value} by three verifiers, issued and its credential attached.
     */
    public CertificateRecord certified(
            final SigningKey by, final String org, final String protocolId, final JsonNode data, final String value) {
        final SignedCredential claim = claim(by, protocolId, data);
        final String id = submitClaims(org, claim).get(0).id();
        attestAll(claim, protocolId, value, 3);
        return activate(issue(validator, id));
    }

    /** Attaches the validator's credential to an ISSUED certificate: it becomes ACTIVE. */
    public CertificateRecord activate(final CertificateRecord issued) {
        final String protocolId = issued.protocol().split("@")[0];
        final String id = issued.claim();
        final var vc = ImpactCredentials.certificate(
                issued,
                client().protocol(protocolId, issued.protocol().split("@")[1]),
                BASE_URL,
                BASE_URL + "/c",
                issued.attestations().stream()
                        .map(a -> BASE_URL + "/a/" + a.verifier())
                        .toList(),
                claimRecord(id).evidence().stream()
                        .map(sri -> Json.object().put("type", "Evidence").put("digestSRI", sri))
                        .toList(),
                clock.instant());
        client().attach(List.of(VcJwt.sign(vc, validator, clock.instant())));
        return certificate(issued.serial());
    }

    public CertificateRecord certificate(final String serial) {
        return client().certificate(serial);
    }

    public static String bundledText(final String file) {
        try (InputStream in =
                ProtocolLoader.class.getResourceAsStream("/io/impactproof/protocols/definitions/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode delivery(final String tracking) {
        return Json.parseObject(
                ("{'carrier_siren':'552100554','tracking_id':'" + tracking + "','courier_id':'courier-7',"
                                + "'delivered_on':'2026-03-10','zone':'rural','mode':'cargo-bike','parcels':3,'distance_km':12.5}")
                        .replace('\'', '"'));
    }

    public static ObjectNode trip(final String commuter, final String date) {
        return Json.parseObject(
                ("{'employer_siren':'356000000','commuter_id':'" + commuter + "','trip_date':'" + date + "',"
                                + "'leg':'outbound','mode':'bike','distance_km':12,'proof_level':'sworn-statement','consent_month':'"
                                + date.substring(0, 7) + "'}")
                        .replace('\'', '"'));
    }

    /** A year of extension of BoaviztAPI's Dell R740 test server (its 2.5.0 embedded figures). */
    public static ObjectNode serverYear(final String serverId) {
        return Json.parseObject(("{'operator_siren':'552100554','server_id':'" + serverId + "',"
                        + "'server':{'model':{'type':'rack'},'configuration':{'cpu':{'units':2,'core_units':24,"
                        + "'die_size_per_core':24.5},'ram':[{'units':12,'capacity':32,'density':1.79}],"
                        + "'disk':[{'units':1,'type':'ssd','capacity':400,'density':50.6}],"
                        + "'power_supply':{'units':2,'unit_weight':2.99}}},"
                        + "'commissioned_on':'2021-01-01','reference_lifetime_months':48,"
                        + "'extension_start':'2025-01-01','extension_end':'2025-12-31',"
                        + "'embedded_gwp_kgco2e':967.9,'embedded_pe_mj':12870,'embedded_adp_kgsbeq':0.1492,"
                        + "'reference_implementation':'boaviztapi 2.5.0'}")
                .replace('\'', '"'));
    }

    public static ObjectNode forestPeriod(final String start, final String end) {
        return Json.parseObject(("{'project_id':'LBC-2021-0042','site_ref':'17300-AB-0123','method':'afforestation',"
                        + "'area_ha':12.4,'period_start':'" + start + "','period_end':'" + end
                        + "','baseline_removals_tco2e':50.0,"
                        + "'project_removals_tco2e':1250.0,'project_emissions_tco2e':12.5,'leakage_tco2e':0,"
                        + "'not_legally_required':true,'no_other_carbon_funding':true}")
                .replace('\'', '"'));
    }

    /** Asserts the call is refused with this code and that the ledger did not grow. */
    public void assertRefused(final ThrowingCallable call, final String code) {
        final long height = ledger.height();
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        TransactionRefused.class,
                        e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
        assertThat(ledger.height()).as("a refused transaction writes nothing").isEqualTo(height);
    }

    @Override
    public void close() {
        ledger.close();
    }
}
