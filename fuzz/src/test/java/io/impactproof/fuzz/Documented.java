package io.impactproof.fuzz;

import io.impactproof.credentials.CredentialException;
import io.impactproof.protocols.ProtocolException;

/**
 * What a fuzz target may throw: our documented errors, and only as rejections of the input (4xx),
 * never as a fault of the machinery. Anything else propagates, and Jazzer reports it as a finding.
 */
final class Documented {
    private Documented() {}

    static void refusal(final RuntimeException e) {
        if (e instanceof CredentialException c && c.isRejection()) {
            return;
        }
        if (e instanceof ProtocolException p && p.code().category().isRejection()) {
            return;
        }
        throw e;
    }
}
