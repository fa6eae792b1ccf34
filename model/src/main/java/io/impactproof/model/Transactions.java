package io.impactproof.model;

/**
 * The chaincode's transaction functions, {@code contract:Transaction}: the names the typed client
 * calls and the contracts declare. This class holds constants only.
 */
public final class Transactions {
    public static final String PARTICIPANTS_REGISTER = "participants:Register";
    public static final String PARTICIPANTS_ROTATE_KEY = "participants:RotateKey";
    public static final String PARTICIPANTS_DEACTIVATE = "participants:Deactivate";
    public static final String PARTICIPANTS_GET = "participants:Get";
    public static final String PARTICIPANTS_LIST_BY_ROLE = "participants:ListByRole";

    public static final String PROTOCOLS_PUBLISH = "protocols:Publish";
    public static final String PROTOCOLS_DEPRECATE = "protocols:Deprecate";
    public static final String PROTOCOLS_GET = "protocols:Get";
    public static final String PROTOCOLS_LIST = "protocols:List";

    public static final String CLAIMS_SUBMIT = "claims:Submit";
    public static final String CLAIMS_REJECT = "claims:Reject";
    public static final String CLAIMS_GET = "claims:Get";
    public static final String CLAIMS_AWAITING = "claims:Awaiting";
    public static final String CLAIMS_BY_STATUS = "claims:ByStatus";

    public static final String ATTESTATIONS_SUBMIT = "attestations:Submit";
    public static final String ATTESTATIONS_LIST = "attestations:List";

    public static final String CERTIFICATES_ISSUE = "certificates:Issue";
    public static final String CERTIFICATES_ATTACH = "certificates:AttachCredentials";
    public static final String CERTIFICATES_SUSPEND = "certificates:Suspend";
    public static final String CERTIFICATES_REINSTATE = "certificates:Reinstate";
    public static final String CERTIFICATES_REVOKE = "certificates:Revoke";
    public static final String CERTIFICATES_GET = "certificates:Get";
    public static final String CERTIFICATES_BY_STATUS = "certificates:ByStatus";
    public static final String CERTIFICATES_LIST = "certificates:List";
    public static final String CERTIFICATES_STATUS_BITS = "certificates:StatusBits";

    public static final String HOLDINGS_TRANSFER = "holdings:Transfer";
    public static final String HOLDINGS_SPLIT = "holdings:Split";
    public static final String HOLDINGS_RETIRE = "holdings:Retire";
    public static final String HOLDINGS_HISTORY = "holdings:History";
    public static final String HOLDINGS_BY_HOLDER = "holdings:ByHolder";

    public static final String CAMPAIGNS_OPEN = "campaigns:Open";
    public static final String CAMPAIGNS_CLOSE = "campaigns:Close";
    public static final String CAMPAIGNS_APPLY = "campaigns:Apply";
    public static final String CAMPAIGNS_ADVANCE = "campaigns:Advance";
    public static final String CAMPAIGNS_PAY = "campaigns:Pay";
    public static final String CAMPAIGNS_GET = "campaigns:Get";
    public static final String CAMPAIGNS_LIST = "campaigns:List";
    public static final String CAMPAIGNS_ALLOCATIONS = "campaigns:Allocations";
    public static final String CAMPAIGNS_ACCOUNT = "campaigns:Account";
    public static final String CAMPAIGNS_FUNDING = "campaigns:Funding";

    public static final String GOVERNANCE_PROPOSE = "governance:Propose";
    public static final String GOVERNANCE_APPROVE = "governance:Approve";
    public static final String GOVERNANCE_PROPOSAL = "governance:Proposal";
    public static final String GOVERNANCE_PROPOSALS = "governance:Proposals";
    public static final String GOVERNANCE_CHARTER = "governance:Charter";
    public static final String GOVERNANCE_MEMBERS = "governance:Members";

    public static final String CONSENTS_GIVE = "consents:Give";
    public static final String CONSENTS_WITHDRAW = "consents:Withdraw";
    public static final String CONSENTS_LIST = "consents:List";

    /** Transient fields: signed credentials travel there so that they never enter a block. */
    public static final String TRANSIENT_CLAIMS = "claims";

    public static final String TRANSIENT_ATTESTATIONS = "attestations";
    public static final String TRANSIENT_CERTIFICATES = "certificates";
    public static final String TRANSIENT_CONSENTS = "consents";

    /** A batch is bounded so one transaction cannot hold the ledger for long. */
    public static final int MAX_BATCH = 1000;

    /** The largest page a paged query returns. */
    public static final int MAX_PAGE = 1000;

    private Transactions() {}
}
