package io.impactproof.chaincode.context;

import io.impactproof.model.RegistryError;
import io.impactproof.model.certificate.CertificateStatus;
import io.impactproof.model.claim.ClaimStatus;

/** Enforces the state machines of claims and certificates (docs/architecture.md): any other transition is refused. */
public final class Transitions {
    private Transitions() {}

    public static ClaimStatus claim(final ClaimStatus from, final ClaimStatus to) {
        if (!from.canBecome(to)) {
            throw new RegistryException(RegistryError.CLAIM_STATE_INVALID, "a " + from + " claim cannot become " + to);
        }
        return to;
    }

    public static CertificateStatus certificate(final CertificateStatus from, final CertificateStatus to) {
        if (!from.canBecome(to)) {
            throw new RegistryException(
                    RegistryError.CERTIFICATE_STATE_INVALID, "a " + from + " certificate cannot become " + to);
        }
        return to;
    }
}
