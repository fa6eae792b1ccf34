package io.impactproof.credentials.jwt;

import io.impactproof.credentials.vc.VerifiableCredential;

/**
 * A domain rule applied last in verification, e.g. a JSON Schema or a protocol check.
 * Implementations throw {@link io.impactproof.credentials.CredentialException} to reject.
 */
@FunctionalInterface
public interface CredentialRule {
    void check(VerifiableCredential credential);
}
