package io.impactproof.chaincode.context;

/**
 * The ledger key layout: every composite key type, in one place. Documented with sizes in
 * {@code docs/architecture.md}.
 */
public final class Keys {
    /** participant [did] → Participant. */
    public static final String PARTICIPANT = "participant";
    /** orgrole [msp, role, did] → "" (operators of an organisation, verifiers…). */
    public static final String ORG_ROLE = "orgrole";
    /** protocol [id, version] → PublishedProtocol. */
    public static final String PROTOCOL = "protocol";
    /** claim [claimId] → ClaimRecord. */
    public static final String CLAIM = "claim";
    /** claimstatus [status, claimId] → "" (claims by status, e.g. VERIFIED awaiting the validator). */
    public static final String CLAIM_STATUS = "claimstatus";
    /** todo [verifierDid, claimId] → "" (claims awaiting a designated verifier). */
    public static final String TODO = "todo";
    /** attestation [claimId, verifierDid] → AttestationRecord. */
    public static final String ATTESTATION = "attestation";
    /** pending [uniquenessKey] → id of the claim that holds the activity until it is certified or rejected. */
    public static final String PENDING = "pending";
    /** uniq [uniquenessKey] → serial of the certificate that counted the activity. */
    public static final String UNIQUE = "uniq";
    /** asset [assetKey, category, start, end] → serial (certified periods, for overlap checks). */
    public static final String ASSET = "asset";
    /** certificate [serial] → CertificateRecord. */
    public static final String CERTIFICATE = "certificate";
    /** holding [holder, serial] → "" (the certificates a participant holds or has retired). */
    public static final String HOLDING = "holding";
    /** movement [serial, time, txId] → Movement (the history of a certificate). */
    public static final String MOVEMENT = "movement";
    /** statusbit [purpose, list, index] → serial (set bits of the status lists). */
    public static final String STATUS_BIT = "statusbit";
    /** instruction [sha256] → action (executed signed instructions, against replay). */
    public static final String INSTRUCTION = "instruction";
    /** statusslot [statusIndex] → serial (status indexes taken; see StatusLists). */
    public static final String STATUS_SLOT = "statusslot";
    /** certstatus [status, serial] → "" (certificates ISSUED and awaiting their credential). */
    public static final String CERTIFICATE_STATUS = "certstatus";

    /** campaign [id] → Campaign. */
    public static final String CAMPAIGN = "campaign";
    /** allocation [campaign, serial] → Allocation. */
    public static final String ALLOCATION = "allocation";
    /** funding [serial] → id of the campaign that funds the certificate (never two). */
    public static final String FUNDING = "funding";
    /** campaignowner [campaign, owner] → OwnerAccount (allocations and advances of one owner). */
    public static final String CAMPAIGN_OWNER = "campaignowner";
    /** campaignmonth [campaign, owner, month] → amount allocated to the owner for that month (per-month caps). */
    public static final String CAMPAIGN_MONTH = "campaignmonth";

    /** campaignbeneficiary [campaign, subject, month] → amount allocated for that person that month. */
    public static final String CAMPAIGN_BENEFICIARY = "campaignbeneficiary";
    /** consent [owner, subject, month] → Consent. */
    public static final String CONSENT = "consent";
    /** consentkey [owner, subject] → the did:key that enrolled the subject with the owner. */
    public static final String CONSENT_ENROLMENT = "consentkey";

    /** charter [] → Charter (the members' rules; absent until the founding charter is adopted). */
    public static final String CHARTER = "charter";
    /** member [msp] → Member. */
    public static final String MEMBER = "member";
    /** proposal [id] → Proposal. */
    public static final String PROPOSAL = "proposal";

    private Keys() {}
}
