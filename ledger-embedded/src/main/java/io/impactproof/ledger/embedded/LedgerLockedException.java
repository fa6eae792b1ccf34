package io.impactproof.ledger.embedded;

import java.nio.file.Path;

/** Thrown when a ledger folder is already open elsewhere: one process at a time writes a block file. */
public final class LedgerLockedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    LedgerLockedException(final Path directory, final String holder) {
        super("the ledger in " + directory.toAbsolutePath() + " is in use by " + holder
                + "; stop it first (two writers on one block file would lose acknowledged blocks)");
    }
}
