package io.impactproof.model;

/** The registry's credential types and vocabulary (shared/credentials.md §5). This class holds constants only. */
public final class CredentialTypes {
    /** The JSON-LD context of the impact vocabulary. */
    public static final String IMPACT_CONTEXT = "https://impactproof.org/ns/impact/v1";

    public static final String CLAIM = "ImpactClaimCredential";
    public static final String ATTESTATION = "ImpactAttestationCredential";
    public static final String CERTIFICATE = "ProofOfImpactCredential";
    public static final String RETIREMENT = "RetirementCredential";
    /** A person's consent, signed with the person's own did:key, to share proofs of some months with an owner. */
    public static final String CONSENT = "ConsentCredential";

    private CredentialTypes() {}
}
