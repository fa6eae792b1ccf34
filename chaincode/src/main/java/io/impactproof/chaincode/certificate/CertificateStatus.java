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
 *   │                           │ │ │ └──suspend──────────▲
 *   │                  split ◀──┘ │ └─▶ retire             │
 *   │                  SPLIT      │     RETIRED            │
 *   └──────revoke──────────┴──────┴───────┴────revoke──────┴─▶ REVOKED
 * </pre>
 *
 * A split certificate's lots are new certificates; revoking, suspending or reinstating a
 * certificate applies to all its lots, which share its status bit.
 */
public enum CertificateStatus {
    /** The value is fixed and the activity counted; the validator's credential is not attached yet. */
    ISSUED,
    ACTIVE,
    SUSPENDED,
    /** Divided into lots (new certificates over its unit range); it holds nothing itself any more. */
    SPLIT,
    /** Used in a report for a beneficiary: irreversible, never transferable again. */
    RETIRED,
    REVOKED;

    private Set<CertificateStatus> next() {
        return switch (this) {
            case ISSUED -> EnumSet.of(ACTIVE, REVOKED);
            case ACTIVE -> EnumSet.of(SUSPENDED, SPLIT, RETIRED, REVOKED);
            case SUSPENDED -> EnumSet.of(ACTIVE, REVOKED);
            case SPLIT, RETIRED -> EnumSet.of(REVOKED);
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
