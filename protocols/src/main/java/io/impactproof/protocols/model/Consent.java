package io.impactproof.protocols.model;

/**
 * A protocol whose claims are about a person (an employee's commutes) names the claim field that
 * holds the person's pseudonymous id and the field that names the month the proofs belong to: the
 * ledger then refuses a claim unless that person signed a consent for that month to the claim's
 * owner. This record is immutable.
 *
 * @param subject the claim field with the pseudonymous id the owner holds (it never reaches the ledger;
 *     its digest with the owner's DID does)
 * @param month the claim field with the month, YYYY-MM
 */
public record Consent(String subject, String month) {}
