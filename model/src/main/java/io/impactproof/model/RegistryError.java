package io.impactproof.model;

import io.impactproof.credentials.ErrorCategory;
import io.impactproof.credentials.StableCode;

/**
 * Stable error codes of the registry chaincode. This enum is immutable; names are part of the
 * public contract (chaincode error payloads, problem+json) and are listed in {@code docs/errors.md}.
 * Credential and protocol codes pass through the chaincode unchanged.
 */
public enum RegistryError implements StableCode {
    ARGUMENT_INVALID(
            ErrorCategory.INVALID, "A transaction argument is missing or malformed (JSON, transient field, number)."),
    INSTRUCTION_INVALID(
            ErrorCategory.UNAUTHENTICATED,
            "A signed instruction is malformed, names another action, or is too old or too far in the future."),
    INSTRUCTION_REPLAYED(ErrorCategory.CONFLICT, "This exact signed instruction was already executed."),
    FORBIDDEN(ErrorCategory.FORBIDDEN, "The signer or the calling organisation may not perform this action."),
    NOT_HOLDER(ErrorCategory.FORBIDDEN, "The signer does not hold this certificate: only its holder moves it."),
    WRONG_ROLE(ErrorCategory.FORBIDDEN, "The signer is not registered with the role this action needs."),
    WRONG_ORGANISATION(
            ErrorCategory.FORBIDDEN,
            "The participant belongs to another organisation than the one submitting the transaction."),
    PARTICIPANT_NOT_FOUND(ErrorCategory.NOT_FOUND, "No participant is registered with this DID."),
    PARTICIPANT_EXISTS(ErrorCategory.CONFLICT, "A different participant is already registered with this DID."),
    PARTICIPANT_INACTIVE(ErrorCategory.FORBIDDEN, "The participant is deactivated."),
    KEY_INVALID(
            ErrorCategory.INVALID, "A key does not fit its DID (did:key), is not public, or is not Ed25519 or P-256."),
    PROTOCOL_NOT_FOUND(ErrorCategory.NOT_FOUND, "No protocol is published with this id and version."),
    PROTOCOL_VERSION_EXISTS(
            ErrorCategory.CONFLICT,
            "This id and version is already published with another digest; publish a new version."),
    PROTOCOL_DEPRECATED(ErrorCategory.CONFLICT, "The protocol version is deprecated: it accepts no new claims."),
    PROTOCOL_DIGEST_MISMATCH(
            ErrorCategory.UNPROCESSABLE, "The claim pins another digest of the protocol than the one on the ledger."),
    CLAIM_NOT_FOUND(ErrorCategory.NOT_FOUND, "No claim has this id."),
    CLAIM_ID_CONFLICT(
            ErrorCategory.CONFLICT, "Another claim with the same id but different content is already on the ledger."),
    CLAIM_INELIGIBLE(ErrorCategory.UNPROCESSABLE, "The claim data do not meet the protocol's eligibility rules."),
    CLAIM_STATE_INVALID(ErrorCategory.CONFLICT, "The claim's status does not allow this transition."),
    CLAIM_DIGEST_MISMATCH(
            ErrorCategory.UNPROCESSABLE, "The attestation pins another claim digest than the one on the ledger."),
    VERIFIER_NOT_DESIGNATED(ErrorCategory.FORBIDDEN, "The signer is not one of the protocol's designated verifiers."),
    ATTESTATION_EXISTS(
            ErrorCategory.CONFLICT, "This verifier has already attested this claim (one vote per verifier)."),
    UNIT_MISMATCH(ErrorCategory.UNPROCESSABLE, "The attested value is not in the protocol's unit."),
    QUORUM_NOT_REACHED(ErrorCategory.CONFLICT, "Fewer designated verifiers than the quorum have attested the claim."),
    VALIDATOR_NOT_DESIGNATED(ErrorCategory.FORBIDDEN, "The signer is not one of the protocol's validators."),
    DOUBLE_COUNTING(
            ErrorCategory.CONFLICT,
            "The same activity is already certified in this impact category (under any protocol)."),
    PERIOD_OVERLAP(
            ErrorCategory.CONFLICT,
            "The asset already has a certified period overlapping this one in this impact category."),
    CERTIFICATE_NOT_FOUND(ErrorCategory.NOT_FOUND, "No certificate has this serial number."),
    CERTIFICATE_STATE_INVALID(ErrorCategory.CONFLICT, "The certificate's status does not allow this transition."),
    CERTIFICATE_MISMATCH(
            ErrorCategory.UNPROCESSABLE, "The certificate credential does not state exactly what the ledger recorded."),
    ACTIVITY_CLAIMED(
            ErrorCategory.CONFLICT,
            "The same activity is already claimed by another claim not yet certified or rejected (named in the detail)."),
    VALUE_OUT_OF_RANGE(
            ErrorCategory.UNPROCESSABLE,
            "A Verified attestation's value is not greater than zero or exceeds 10^15 (a verifier who finds no impact attests Rejected)."),
    CAMPAIGN_NOT_FOUND(ErrorCategory.NOT_FOUND, "No campaign has this id."),
    CAMPAIGN_EXISTS(ErrorCategory.CONFLICT, "A campaign with this id is already open or was opened before."),
    CAMPAIGN_CLOSED(ErrorCategory.CONFLICT, "The campaign is closed: it allocates and advances nothing more."),
    CAMPAIGN_INELIGIBLE(
            ErrorCategory.UNPROCESSABLE,
            "The certificate does not meet the campaign's eligibility (protocol and version, category, proof level, owner, organisation, period, amount)."),
    BUDGET_EXHAUSTED(
            ErrorCategory.CONFLICT,
            "The campaign's remaining budget does not cover the allocation (an application may accept a partial one)."),
    CAP_REACHED(ErrorCategory.CONFLICT, "The owner's per-month cap in this campaign is used up."),
    ALREADY_FUNDED(
            ErrorCategory.CONFLICT,
            "The certificate, or the certificate it was split from, is already funded by a campaign (this one or another)."),
    CERTIFICATE_COMMITTED(
            ErrorCategory.CONFLICT,
            "The certificate's units are allocated to a campaign and await payment: its holder cannot move them."),
    ALLOCATION_NOT_FOUND(ErrorCategory.NOT_FOUND, "The campaign has no allocation for this certificate."),
    ALLOCATION_STATE_INVALID(
            ErrorCategory.CONFLICT,
            "The allocation's status does not allow this (frozen while its certificate is suspended, settled, cancelled)."),
    PAYMENT_EXCEEDS_DUE(
            ErrorCategory.UNPROCESSABLE, "The payment is more than what remains payable on the allocation."),
    ADVANCE_EXCEEDS_BUDGET(ErrorCategory.CONFLICT, "The advance is more than the campaign's remaining budget."),
    CONSENT_MISSING(
            ErrorCategory.FORBIDDEN,
            "The person the claim is about has not consented to share proofs of that month with the claim's owner."),
    CONSENT_WITHDRAWN(ErrorCategory.FORBIDDEN, "The person withdrew the consent for that month."),
    CONSENT_EXPIRED(ErrorCategory.FORBIDDEN, "The consent for that month was valid until a time now past."),
    GOVERNANCE_REQUIRED(
            ErrorCategory.FORBIDDEN,
            "The members adopted a charter: this change takes effect only through a proposal they approve."),
    NOT_A_MEMBER(ErrorCategory.FORBIDDEN, "The organisation is not an active member: it neither votes nor acts."),
    SELF_APPROVAL(ErrorCategory.FORBIDDEN, "An organisation does not approve a proposal about itself."),
    DUPLICATE_VOTE(ErrorCategory.CONFLICT, "This organisation has already approved the proposal (one vote each)."),
    PROPOSAL_DECIDED(ErrorCategory.CONFLICT, "The proposal was already adopted: it takes no more votes."),
    PROPOSAL_NOT_FOUND(ErrorCategory.NOT_FOUND, "No proposal has this id."),
    PROPOSAL_EXISTS(ErrorCategory.CONFLICT, "A proposal with this id exists."),
    CONSENT_SIGNER_MISMATCH(
            ErrorCategory.FORBIDDEN,
            "The consent is signed by another key than the one that enrolled this person with this owner.");

    private final ErrorCategory category;
    private final String meaning;

    RegistryError(final ErrorCategory category, final String meaning) {
        this.category = category;
        this.meaning = meaning;
    }

    @Override
    public ErrorCategory category() {
        return category;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
