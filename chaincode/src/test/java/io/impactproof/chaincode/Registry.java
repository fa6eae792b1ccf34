package io.impactproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactproof.chaincode.certificate.CertificateRecord;
import io.impactproof.chaincode.claim.ClaimRecord;
import io.impactproof.chaincode.core.LedgerJson;
import io.impactproof.chaincode.protocol.PublishedProtocol;
import io.impactproof.client.Credentials;
import io.impactproof.client.Instructions;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.ledger.Committed;
import io.impactproof.ledger.EmbeddedLedger;
import io.impactproof.ledger.TransactionRefused;
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
 * A registry on an embedded ledger in a temporary folder: two organisations, an operator each, an
 * owner each, five verifiers, a validator and a financer, and the bundled protocols published.
 */
public final class Registry implements AutoCloseable {
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

    public Registry(final Path dir) {
        this.dir = dir;
        this.ledger = EmbeddedLedger.open(dir, clock);
        for (int i = 1; i <= 5; i++) {
            verifiers.add(web("verifier-" + i + ".example"));
        }
    }

    /** Registers everyone and publishes the three bundled protocols. */
    public static Registry populated(final Path dir) {
        final Registry r = new Registry(dir);
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

    public String register(
            final String org, final SigningKey signer, final SigningKey participant, final String... roles) {
        final ObjectNode args = Instructions.registration(
                participant.did(), "name of " + participant.did(), org, List.of(roles), participant);
        return submit(org, "participants:Register", sign(signer, "participants.register", args));
    }

    public String publish(final String definition) {
        final ObjectNode args = Json.object().put("definition", definition);
        final ObjectNode bindings = args.putObject("bindings");
        for (int i = 0; i < 5; i++) {
            bindings.put("verifier-" + (i + 1), verifiers.get(i).did());
        }
        bindings.put("validator", validator.did());
        return submit(ORG1, "protocols:Publish", sign(operator, "protocols.publish", args));
    }

    public String sign(final SigningKey key, final String action, final ObjectNode args) {
        return Instructions.sign(key, action, args, clock.instant());
    }

    public String submit(final String org, final String function, final String... args) {
        return new String(ledger.submit(org, function, List.of(args), Map.of()).payload(), StandardCharsets.UTF_8);
    }

    public Committed submitTransient(
            final String org, final String function, final String field, final String value, final String... args) {
        return ledger.submit(org, function, List.of(args), Map.of(field, value.getBytes(StandardCharsets.UTF_8)));
    }

    public String evaluate(final String function, final String... args) {
        return ledger.evaluateString(ORG1, function, args);
    }

    public PublishedProtocol protocol(final String id) {
        return LedgerJson.read(
                evaluate("protocols:Get", id, "1.0.0").getBytes(StandardCharsets.UTF_8), PublishedProtocol.class);
    }

    public SignedCredential claim(final SigningKey by, final String protocolId, final JsonNode data) {
        final var vc = Credentials.claim(
                "urn:uuid:" + UUID.randomUUID(),
                by.did(),
                protocol(protocolId),
                data,
                List.of(new Credentials.Evidence(
                        BASE_URL + "/artifacts/sha256/00",
                        "source data",
                        "text/csv",
                        "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))),
                clock.instant());
        return VcJwt.sign(vc, by, clock.instant());
    }

    public List<ClaimRecord> submitClaims(final String org, final SignedCredential... claims) {
        final var array = Json.array();
        for (final SignedCredential c : claims) {
            array.add(c.compact());
        }
        final Committed tx = submitTransient(org, "claims:Submit", "claims", Json.write(array));
        return LedgerJson.readList(tx.payload(), ClaimRecord.class);
    }

    public ClaimRecord claimRecord(final String id) {
        return LedgerJson.read(evaluate("claims:Get", id).getBytes(StandardCharsets.UTF_8), ClaimRecord.class);
    }

    public SignedCredential attestation(
            final SignedCredential claim, final SigningKey verifier, final String protocolId, final String value) {
        final var vc = Credentials.attestation(
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

    public Committed attest(final SignedCredential... attestations) {
        final var array = Json.array();
        for (final SignedCredential a : attestations) {
            array.add(a.compact());
        }
        return submitTransient(ORG1, "attestations:Submit", "attestations", Json.write(array));
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
        final String payload = submit(
                ORG1,
                "certificates:Issue",
                sign(by, "certificates.issue", Json.object().put("claim", claimId)));
        return LedgerJson.read(payload.getBytes(StandardCharsets.UTF_8), CertificateRecord.class);
    }

    public CertificateRecord certificate(final String serial) {
        return LedgerJson.read(
                evaluate("certificates:Get", serial).getBytes(StandardCharsets.UTF_8), CertificateRecord.class);
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
