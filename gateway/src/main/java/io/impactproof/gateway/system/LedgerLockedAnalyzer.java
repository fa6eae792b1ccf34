package io.impactproof.gateway.system;

import io.impactproof.ledger.embedded.LedgerLockedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a start on a data folder another gateway holds into one clear message instead of a bean stack trace. */
public final class LedgerLockedAnalyzer extends AbstractFailureAnalyzer<LedgerLockedException> {
    @Override
    protected FailureAnalysis analyze(final Throwable root, final LedgerLockedException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Stop the other gateway, or start this one with another --impactproof.data-dir.",
                cause);
    }
}
