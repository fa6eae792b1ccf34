package io.impactproof.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing JVM with SIGKILL at random instants, many times; after each restart the chain
 * verifies and every acknowledged transaction is there.
 */
class CrashTest {
    private static final int ROUNDS = 12;

    @TempDir
    Path dir;

    @Test
    void no_acknowledged_transaction_is_lost_when_the_writer_is_killed() throws Exception {
        final Random random = new Random(42);
        final List<String> acknowledged = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            final Process writer = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            CrashWriter.class.getName(),
                            dir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            final int acksBeforeKill = 5 + random.nextInt(40);
            int acks = 0;
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        acknowledged.add(line.substring(4));
                        if (++acks == acksBeforeKill) {
                            // Let the writer get into its next write, then kill it mid-flight.
                            Thread.sleep(random.nextInt(4));
                            // kill -9 rather than destroyForcibly(), which also closes our end of the pipe:
                            // every ACK the writer printed before it died is still read.
                            new ProcessBuilder("kill", "-9", Long.toString(writer.pid()))
                                    .start()
                                    .waitFor();
                        }
                    }
                }
            }
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(acks)
                    .as("round %d acknowledged writes before the kill", round)
                    .isGreaterThanOrEqualTo(acksBeforeKill);

            try (EmbeddedLedger ledger = EmbeddedLedger.open(dir.resolve("ledger"), Clock.systemUTC())) {
                final var report = ledger.verify();
                assertThat(report.valid()).as(report.detail()).isTrue();
                for (final String key : acknowledged) {
                    assertThat(CrashWriter.stored(ledger, key))
                            .as("acknowledged %s survives round %d", key, round)
                            .isTrue();
                }
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(ROUNDS * 5);
    }
}
