package io.impactproof.model.certificate;

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

    /** Whether the state machine allows this transition (the chaincode refuses any other). */
    public boolean canBecome(final CertificateStatus target) {
        return next().contains(target);
    }
}
