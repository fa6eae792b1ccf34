package io.impactproof.model.campaign;

/**
 * What a campaign pays for a certificate and what the financer receives for it. Exactly one of
 * {@code rate} and {@code amount} is set. Amounts are in the campaign's currency with two
 * decimals. This record is immutable.
 *
 * @param rate the price of one unit of impact (up to six decimals; the product is rounded down to the cent)
 * @param amount the name of the protocol calculation that states the amount due (e.g. a programme's
 *     bonus, with the protocol's own caps and zone rules); prorated by units for a lot
 * @param capPerClaim the most one certificate receives, or null
 * @param capPerOwnerMonth the most one owner receives for the activities of one month, or null
 * @param capPerBeneficiaryMonth the most allocated for one person (a claim's subject) for one month, or null
 * @param settlement {@code transfer}: the funded units go to the financer; {@code retire}: they are
 *     retired on its behalf for {@code beneficiary} and {@code purpose}
 */
public record Terms(
        String rate,
        String amount,
        String capPerClaim,
        String capPerOwnerMonth,
        String capPerBeneficiaryMonth,
        String settlement,
        String beneficiary,
        String purpose) {
    public static final String TRANSFER = "transfer";
    public static final String RETIRE = "retire";
}
