package io.impactproof.chaincode.core;

/**
 * Stable error codes of the registry chaincode. This enum is immutable; names are part of the
 * public contract (chaincode error payloads, problem+json) and are listed in {@code docs/errors.md}.
 * Credential and protocol codes pass through the chaincode unchanged.
 */
public enum RegistryError {
    ARGUMENT_INVALID("A transaction argument is missing or malformed (JSON, transient field, number)."),
    INSTRUCTION_INVALID(
            "A signed instruction is malformed, names another action, or is too old or too far in the future."),
    INSTRUCTION_REPLAYED("This exact signed instruction was already executed."),
    FORBIDDEN("The signer or the calling organisation may not perform this action."),
    WRONG_ROLE("The signer is not registered with the role this action needs."),
    WRONG_ORGANISATION("The participant belongs to another organisation than the one submitting the transaction."),
    PARTICIPANT_NOT_FOUND("No participant is registered with this DID."),
    PARTICIPANT_EXISTS("A different participant is already registered with this DID."),
    PARTICIPANT_INACTIVE("The participant is deactivated."),
    KEY_INVALID("A key does not fit its DID (did:key), is not public, or is not Ed25519 or P-256."),
    PROTOCOL_NOT_FOUND("No protocol is published with this id and version."),
    PROTOCOL_VERSION_EXISTS("This id and version is already published with another digest; publish a new version."),
    PROTOCOL_DEPRECATED("The protocol version is deprecated: it accepts no new claims."),
    PROTOCOL_DIGEST_MISMATCH("The claim pins another digest of the protocol than the one on the ledger."),
    CLAIM_NOT_FOUND("No claim has this id."),
    CLAIM_ID_CONFLICT("Another claim with the same id but different content is already on the ledger."),
    CLAIM_INELIGIBLE("The claim data do not meet the protocol's eligibility rules."),
    CLAIM_STATE_INVALID("The claim's status does not allow this transition."),
    CLAIM_DIGEST_MISMATCH("The attestation pins another claim digest than the one on the ledger."),
    VERIFIER_NOT_DESIGNATED("The signer is not one of the protocol's designated verifiers."),
    ATTESTATION_EXISTS("This verifier has already attested this claim (one vote per verifier)."),
    UNIT_MISMATCH("The attested value is not in the protocol's unit."),
    QUORUM_NOT_REACHED("Fewer designated verifiers than the quorum have attested the claim."),
    VALIDATOR_NOT_DESIGNATED("The signer is not one of the protocol's validators."),
    DOUBLE_COUNTING("The same activity is already certified in this impact category (under any protocol)."),
    PERIOD_OVERLAP("The asset already has a certified period overlapping this one in this impact category."),
    CERTIFICATE_NOT_FOUND("No certificate has this serial number."),
    CERTIFICATE_STATE_INVALID("The certificate's status does not allow this transition."),
    CERTIFICATE_MISMATCH("The certificate credential does not state exactly what the ledger recorded.");

    private final String meaning;

    RegistryError(final String meaning) {
        this.meaning = meaning;
    }

    /** One sentence saying what the code means, as listed in docs/errors.md. */
    public String meaning() {
        return meaning;
    }
}
