package io.impactproof.chaincode.certificate;

import io.impactproof.chaincode.core.RegistryError;
import io.impactproof.chaincode.core.RegistryException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a certificate, as an explicit state machine. This enum is immutable.
 *
 * <pre>
 * ISSUED ─credential attached─▶ ACTIVE ◀─reinstate── SUSPENDED
 *   │                              │ └──suspend──────────▲
 *   └──────────revoke──────────────┴──────revoke─────────┴─▶ REVOKED
 * </pre>
 */
public enum CertificateStatus {
    /** The value is fixed and the activity counted; the validator's credential is not attached yet. */
    ISSUED,
    ACTIVE,
    SUSPENDED,
    REVOKED;

    private Set<CertificateStatus> next() {
        return switch (this) {
            case ISSUED -> EnumSet.of(ACTIVE, REVOKED);
            case ACTIVE -> EnumSet.of(SUSPENDED, REVOKED);
            case SUSPENDED -> EnumSet.of(ACTIVE, REVOKED);
            case REVOKED -> EnumSet.noneOf(CertificateStatus.class);
        };
    }

    public CertificateStatus to(final CertificateStatus target) {
        if (!next().contains(target)) {
            throw new RegistryException(
                    RegistryError.CERTIFICATE_STATE_INVALID, "a " + this + " certificate cannot become " + target);
        }
        return target;
    }
}
