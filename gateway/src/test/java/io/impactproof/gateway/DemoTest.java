package io.impactproof.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.RegistryClient;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.demo.Demo;
import io.impactproof.gateway.system.KeyStoreFile;
import io.impactproof.ledger.embedded.EmbeddedLedger;
import io.impactproof.ledger.embedded.EmbeddedLedgerPort;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo, run twice on the same data, observes every expected outcome both times. */
class DemoTest {
    @TempDir
    Path data;

    private String runDemo() {
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        final Clock clock = Clock.systemUTC();
        try (EmbeddedLedgerPort port =
                        EmbeddedLedgerPort.owning(EmbeddedLedger.open(data.resolve("ledger"), clock), Demo.ORG);
                ContentStore store = new ContentStore(data.resolve("store"));
                PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            final Demo demo = new Demo(
                    out,
                    new RegistryClient(port),
                    store,
                    KeyStoreFile.open(data.resolve("keystore.json")),
                    clock,
                    "http://localhost:8080",
                    null);
            assertThat(demo.run()).as(buffer.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(port.verifyChain().orElseThrow().valid()).isTrue();
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_demo_shows_every_outcome_and_can_run_again_on_its_data() throws InterruptedException {
        final String first = runDemo();
        Thread.sleep(1100); // a new run tag (seconds) for the second run's activities
        final String second = runDemo();

        for (final String output : new String[] {first, second}) {
            assertThat(output)
                    .contains("DISPUTED after 3 attestations")
                    .contains("VERIFIED after 4 attestations")
                    .contains("refused: DOUBLE_COUNTING")
                    .contains("6 certificates issued and activated")
                    .contains("[ok]     protocol cargo-bike-delivery@1.1.0")
                    .contains("refused: BUDGET_EXHAUSTED")
                    .containsPattern("allocated \\S+ +5\\.00 EUR of  10\\.00 due \\(PARTIAL\\)")
                    .contains("budget 12.00, allocated 12.00, paid 12.00 (advance included), remaining 0.00 EUR")
                    .contains("Bob's trip refused: CONSENT_MISSING")
                    .contains("allowance 2.00 EUR of 3.00 (CAPPED), SETTLED")
                    .containsPattern(
                            "employee_id,subject,month,trips,distance_km_bike,currency,allocated,capped_trips,paid,settled_trips")
                    .doesNotContain("[FAILED]")
                    .contains("All expected outcomes observed.");
        }
    }
}
