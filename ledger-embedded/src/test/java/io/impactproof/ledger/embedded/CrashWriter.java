package io.impactproof.ledger.embedded;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Run in a separate JVM by {@link CrashTest}: puts keys on an embedded ledger in a loop and prints
 * {@code ACK <key>} after each acknowledged transaction, until it is killed.
 */
public final class CrashWriter {
    static final String ORG = "Org1MSP";

    private CrashWriter() {}

    public static void main(final String[] args) {
        final Path dir = Path.of(args[0]);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir.resolve("ledger"), Clock.systemUTC())) {
            System.out.println("READY");
            System.out.flush();
            while (true) {
                final String key = UUID.randomUUID().toString();
                ledger.submit(ORG, KeyValueContract.PUT, List.of(key, "value of " + key), Map.of());
                System.out.println("ACK " + key);
                System.out.flush();
            }
        }
    }

    static boolean stored(final EmbeddedLedger ledger, final String key) {
        return new String(ledger.evaluate(ORG, KeyValueContract.GET, key), java.nio.charset.StandardCharsets.UTF_8)
                .equals("value of " + key);
    }
}
