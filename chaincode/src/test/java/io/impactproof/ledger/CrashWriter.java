package io.impactproof.ledger;

import io.impactproof.client.Instructions;
import io.impactproof.credentials.jwt.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Run in a separate JVM by {@link CrashTest}: registers participants on an embedded ledger in a
 * loop and prints {@code ACK <did>} after each acknowledged transaction, until it is killed.
 */
public final class CrashWriter {
    static final String ORG = "Org1MSP";

    private CrashWriter() {}

    public static void main(final String[] args) throws IOException {
        final Path dir = Path.of(args[0]);
        final SigningKey operator = operatorKey(dir);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dir.resolve("ledger"), Clock.systemUTC())) {
            if (!registered(ledger, operator.did())) {
                register(ledger, operator, operator, "operator");
            }
            System.out.println("READY");
            System.out.flush();
            while (true) {
                final SigningKey owner = SigningKey.generateEd25519DidKey();
                register(ledger, operator, owner, "owner");
                System.out.println("ACK " + owner.did());
                System.out.flush();
            }
        }
    }

    static boolean registered(final EmbeddedLedger ledger, final String did) {
        try {
            ledger.evaluate(ORG, "participants:Get", did);
            return true;
        } catch (TransactionRefused e) {
            return false;
        }
    }

    private static void register(
            final EmbeddedLedger ledger, final SigningKey operator, final SigningKey who, final String role) {
        final var args = Instructions.registration(who.did(), "crash test", ORG, List.of(role), who);
        ledger.submit(
                ORG,
                "participants:Register",
                List.of(Instructions.sign(
                        operator,
                        "participants.register",
                        args,
                        Clock.systemUTC().instant())),
                Map.of());
    }

    private static SigningKey operatorKey(final Path dir) throws IOException {
        final Path file = dir.resolve("operator.jwk");
        final String keyId = "did:web:operator.crash.example#key-1";
        if (Files.exists(file)) {
            return SigningKey.parse(keyId, Files.readString(file));
        }
        final SigningKey key = SigningKey.of(keyId, SigningKey.newEd25519());
        final Path tmp = dir.resolve("operator.jwk.tmp");
        Files.writeString(
                tmp,
                key.toPrivateJwkJson(),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.SYNC);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return key;
    }
}
