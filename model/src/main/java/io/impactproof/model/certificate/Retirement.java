package io.impactproof.model.certificate;

/**
 * The retirement of a certificate: for whom, why, where and for which reporting period it was used,
 * and by whom. Public by design: a retirement is a public claim. This record is immutable.
 */
public record Retirement(
        String beneficiary,
        String purpose,
        String jurisdiction,
        String reportingPeriod,
        String retiredBy,
        String retiredAt,
        String txId) {}
