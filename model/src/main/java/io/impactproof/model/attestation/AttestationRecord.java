package io.impactproof.model.attestation;

/**
 * One verifier's signed attestation of a claim, as the ledger holds it. This record is immutable.
 *
 * @param value the verifier's impact value, at the protocol's scale
 * @param outcome {@code Verified}, or {@code Rejected} (counted as a zero value)
 * @param digestSRI sha384 SRI of the attestation's exact compact JWS (stays off the ledger)
 */
public record AttestationRecord(
        String id,
        String claim,
        String verifier,
        String value,
        String outcome,
        String digest,
        String digestSRI,
        String recordedAt) {}
