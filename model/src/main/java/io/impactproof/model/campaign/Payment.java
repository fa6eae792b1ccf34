package io.impactproof.model.campaign;

/**
 * A payment the financer recorded. This record is immutable.
 *
 * @param reference the financer's payment reference (bank transfer id…)
 * @param paidOn the day the money was paid (ISO date), as the financer states it
 * @param at the transaction time at which it was recorded
 */
public record Payment(String reference, String amount, String paidOn, String at, String txId) {}
