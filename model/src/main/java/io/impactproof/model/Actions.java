package io.impactproof.model;

import java.time.Duration;

/**
 * Signed instructions: the JWS ({@code typ: ip-instruction+jwt}, payload {@code {action, iat,
 * args}}) by which a participant's DID authorises an action. An instruction names its action, so it
 * cannot be replayed as another. This class holds constants only.
 */
public final class Actions {
    /** The JWS type of signed instructions. */
    public static final String INSTRUCTION_TYP = "ip-instruction+jwt";

    /** How far an instruction's iat may be from the transaction time. */
    public static final Duration INSTRUCTION_WINDOW = Duration.ofMinutes(10);

    public static final String REGISTER = "participants.register";
    public static final String ROTATE_KEY = "participants.rotateKey";
    public static final String DEACTIVATE = "participants.deactivate";
    public static final String PUBLISH = "protocols.publish";
    public static final String DEPRECATE = "protocols.deprecate";
    public static final String REJECT = "claims.reject";
    public static final String ISSUE = "certificates.issue";
    public static final String SUSPEND = "certificates.suspend";
    public static final String REINSTATE = "certificates.reinstate";
    public static final String REVOKE = "certificates.revoke";
    public static final String TRANSFER = "certificates.transfer";
    public static final String SPLIT = "certificates.split";
    public static final String RETIRE = "certificates.retire";
    public static final String OPEN_CAMPAIGN = "campaigns.open";
    public static final String CLOSE_CAMPAIGN = "campaigns.close";
    /** A holder applies a certificate to a campaign, accepting its terms (what the financer receives on payment). */
    public static final String APPLY = "campaigns.apply";

    public static final String ADVANCE = "campaigns.advance";
    public static final String PAY = "campaigns.pay";
    public static final String PROPOSE = "governance.propose";
    public static final String APPROVE = "governance.approve";

    /** An employee (a did:key, not a registered participant) withdraws consents for the months ahead. */
    public static final String WITHDRAW_CONSENT = "consents.withdraw";
    /** A financer reads its campaign's payroll export (it holds personal data: the employees' trips). */
    public static final String READ_PAYROLL = "exports.payroll";

    /** Reads of personal data (a claim's data, an evidence file), authorised off the ledger by the gateway. */
    public static final String READ_CLAIM = "claims.read";

    public static final String READ_ARTIFACT = "artifacts.read";
    public static final String UPLOAD_EVIDENCE = "evidence.upload";

    private Actions() {}
}
