package io.impactproof.gateway.agents;

import io.impactproof.client.ledger.Checkpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where the agents' event stream stopped, in a file, written by an atomic rename. Losing the last
 * write only replays a few events, and the agents' work is idempotent (the ledger says what is left).
 */
final class CheckpointFile {
    private static final Logger LOG = Logger.getLogger(CheckpointFile.class.getName());

    private final Path file;

    CheckpointFile(final Path file) {
        this.file = file;
    }

    Optional<Checkpoint> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Checkpoint.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning(() -> "ignoring an unreadable agents checkpoint " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    void write(final Checkpoint checkpoint) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, checkpoint.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
