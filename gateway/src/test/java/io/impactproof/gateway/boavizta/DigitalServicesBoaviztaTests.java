package io.impactproof.gateway.boavizta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.gateway.demo.Demo;
import io.impactproof.gateway.system.KeyStoreFile;
import io.impactproof.ledger.embedded.EmbeddedLedger;
import io.impactproof.ledger.embedded.EmbeddedLedgerPort;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.protocols.ProtocolLoader;
import io.impactproof.protocols.engine.CompiledProtocol;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Against the running BoaviztAPI 2.5.0 ({@code scripts/boaviztapi start}; scripts/test starts it):
 * the figures are BoaviztAPI's own, an honest digital claim is certified once per criterion by
 * algorithmic verifiers, an overstated one is disputed.
 */
public class DigitalServicesBoaviztaTests {
    static final String URL = System.getProperty("impactproof.boavizta.url", "http://127.0.0.1:5055");
    private static final Boavizta BOAVIZTA = new Boavizta(URL, Duration.ofSeconds(20));

    @TempDir
    Path data;

    public static ObjectNode r740() {
        return Json.parseObject(("{'model':{'type':'rack'},'configuration':{'cpu':{'units':2,'core_units':24,"
                        + "'die_size_per_core':24.5},'ram':[{'units':12,'capacity':32,'density':1.79}],"
                        + "'disk':[{'units':1,'type':'ssd','capacity':400,'density':50.6}],"
                        + "'power_supply':{'units':2,'unit_weight':2.99}}}")
                .replace('\'', '"'));
    }

    @Test
    void the_figures_are_boaviztas_own_for_the_configurations_we_ship() {
        final Boavizta.Impacts server = BOAVIZTA.server(r740(), null);

        assertThat(BOAVIZTA.version()).isEqualTo("2.5.0");
        assertThat(server.version()).isEqualTo("2.5.0");
        // BoaviztAPI's own Dell R740 test configuration, to its display precision.
        assertThat(server.get("gwp").embedded()).isEqualByComparingTo("967.9");
        assertThat(server.get("pe").embedded()).isEqualByComparingTo("12870");
        assertThat(server.get("adp").embedded()).isEqualByComparingTo("0.1492");
        assertThat(server.get("gwp").unit()).isEqualTo("kgCO2eq");
        assertThat(server.requestDigest())
                .as("the digest is over the canonical request, the same for the same request")
                .isEqualTo(BOAVIZTA.server(r740(), null).requestDigest())
                .isNotEqualTo(BOAVIZTA.server(r740(), 8760.0).requestDigest());

        final Boavizta.Impacts before = BOAVIZTA.cloudInstance(instance("m5.2xlarge"), 720);
        final Boavizta.Impacts after = BOAVIZTA.cloudInstance(instance("m5.large"), 720);
        // The figures of CloudRightSizingTest's hand-worked case.
        assertThat(before.get("gwp").total()).isEqualByComparingTo("3.82");
        assertThat(before.get("pe").total()).isEqualByComparingTo("308");
        assertThat(before.get("adp").total()).isEqualByComparingTo("0.00018125");
        assertThat(after.get("gwp").total()).isEqualByComparingTo("0.96");
        assertThat(after.get("pe").total()).isEqualByComparingTo("77.3");
        assertThat(after.get("adp").total()).isEqualByComparingTo("0.000044313");
    }

    private static ObjectNode instance(final String type) {
        final ObjectNode instance = Json.object().put("provider", "aws").put("instance_type", type);
        instance.putObject("usage").put("usage_location", "FRA").put("time_workload", 30);
        return instance;
    }

    @Test
    void a_version_other_than_the_pinned_one_is_not_used() {
        final CompiledProtocol protocol =
                ProtocolLoader.load(ProtocolLoader.bundled("server-lifetime-extension", "1.0.0")
                        .canonicalJson()
                        .replace("\"version\":\"2.5.0\"", "\"version\":\"2.4.1\""));

        assertThatThrownBy(() -> new Recomputation(BOAVIZTA).recompute("00", protocol, Json.object()))
                .isInstanceOf(BoaviztaException.class)
                .hasMessageContaining("pins BoaviztAPI 2.4.1, the service at " + URL + "/ is 2.5.0");
    }

    @Test
    void unreachable_boavizta_is_a_clear_error_and_nothing_is_attested() {
        final Boavizta nowhere = new Boavizta("http://127.0.0.1:9", Duration.ofSeconds(2));

        assertThatThrownBy(nowhere::version)
                .isInstanceOf(BoaviztaException.class)
                .hasMessageContaining("BoaviztAPI at http://127.0.0.1:9/ is unreachable");
    }

    @Test
    void the_demo_certifies_each_criterion_on_its_own_and_disputes_the_overstated_server() {
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        final Clock clock = Clock.systemUTC();
        try (ContentStore store = new ContentStore(data.resolve("store"));
                EmbeddedLedgerPort port =
                        EmbeddedLedgerPort.owning(EmbeddedLedger.open(data.resolve("ledger"), clock), Demo.ORG);
                PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            final RegistryClient registry = new RegistryClient(port);
            final KeyStoreFile keys = KeyStoreFile.open(data.resolve("keystore.json"));
            final Demo demo = new Demo(out, registry, store, keys, clock, "http://localhost:8080", BOAVIZTA);
            final boolean ok = demo.run();
            assertThat(ok).as(buffer.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(demo.outcomes())
                    .contains(
                            "digital certificate 241.975000 kgCO2e ghg-emissions-avoided",
                            "digital certificate 3217.500000 MJ primary-energy-saved",
                            "digital certificate 0.037300 kgSbeq abiotic-resources-saved",
                            "digital claim kgCO2e 362.962500 DISPUTED");

            final String operator = keys.key("datacentre", () -> {
                        throw new AssertionError("the demo registered the data-centre operator");
                    })
                    .did();
            final List<CertificateRecord> digital = registry.holdings(operator).stream()
                    .filter(c -> c.protocol().startsWith("server-lifetime-extension"))
                    .toList();
            assertThat(digital).extracting(CertificateRecord::unit).containsExactlyInAnyOrder("kgCO2e", "MJ", "kgSbeq");
            for (final CertificateRecord certificate : digital) {
                final SignedCredential vc = StoredCredentials.read(store, certificate.credentialDigest());
                final var computation = vc.credential()
                        .subject()
                        .path("certifiedImpact")
                        .path(0)
                        .path("computation");
                assertThat(computation.path("implementation").stringValue(null)).isEqualTo("boaviztapi");
                assertThat(computation.path("version").stringValue(null)).isEqualTo("2.5.0");
                assertThat(computation.path("requests").path(0).path("digest").stringValue(null))
                        .isEqualTo(BOAVIZTA.server(r740(), null).requestDigest());
            }
            final ClaimRecord disputed = registry.claimsWithStatus("REJECTED", 100, "").records().stream()
                    .filter(c -> c.protocol().startsWith("server-lifetime-extension"))
                    .findFirst()
                    .orElseThrow();
            final var attestation = registry.attestations(disputed.id()).get(0);
            assertThat(attestation.outcome()).isEqualTo("Rejected");
            assertThat(StoredCredentials.read(store, attestation.digest())
                            .credential()
                            .subject()
                            .path("computation")
                            .path("mismatches")
                            .path(0)
                            .stringValue(""))
                    .startsWith("embedded_gwp_kgco2e: stated 1451.85, reference 967.9");
        }
    }

    @Test
    void cloud_right_sizing_is_recomputed_from_the_instance_types() {
        final CompiledProtocol protocol = ProtocolLoader.bundled("cloud-right-sizing", "1.0.0");
        final ObjectNode claim = Json.parseObject(("{'account_id':'acct-7f3a','workload_id':'billing-api',"
                        + "'provider':'aws','instance_before':'m5.2xlarge','instance_after':'m5.large','instances':2,"
                        + "'usage_location':'FRA','time_workload_before':30,'time_workload_after':30,"
                        + "'period_start':'2026-01-01','period_end':'2026-01-30','before_gwp_kgco2e':3.82,"
                        + "'before_pe_mj':308,'before_adp_kgsbeq':0.00018125,'after_gwp_kgco2e':0.96,"
                        + "'after_pe_mj':77.3,'after_adp_kgsbeq':0.000044313,"
                        + "'reference_implementation':'boaviztapi 2.5.0'}")
                .replace('\'', '"'));

        final Recomputation.Result honest = new Recomputation(BOAVIZTA).recompute("a", protocol, claim);
        final Recomputation.Result understatedAfter = new Recomputation(BOAVIZTA)
                .recompute("b", protocol, claim.deepCopy().put("after_pe_mj", 40));

        assertThat(honest.mismatches()).isEmpty();
        assertThat(protocol.evaluate(honest.referenceData()).impact()).contains(new BigDecimal("5.720000"));
        assertThat(honest.computation().path("requests")).hasSize(2);
        assertThat(understatedAfter.mismatches()).containsExactly("after_pe_mj: stated 40, reference 77.3");
    }
}
