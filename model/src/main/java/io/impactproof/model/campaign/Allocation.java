package io.impactproof.model.campaign;

import java.util.List;

/**
 * What a campaign owes for one certificate, recorded in ledger order when its holder applies.
 * Amounts have two decimals in the campaign's currency. This record is immutable.
 *
 * @param beneficiary the subject digest of the person the claim is about, or null
 * @param month the month of the certificate's activity (its period end), for per-month caps and reports
 * @param due what the terms give before caps and budget
 * @param amount what is allocated: {@code due} after the caps and, if the holder accepted it, the budget left
 * @param outcome FULL, CAPPED (a per-claim or per-owner-month cap applied) or PARTIAL (the budget ran short)
 * @param netted the part of {@code amount} paid beforehand by an advance to the owner
 * @param payable what remains to pay: amount − netted
 * @param paid payments recorded against it
 * @param toRecover what was paid for a certificate later revoked
 */
public record Allocation(
        String campaign,
        String serial,
        String owner,
        String beneficiary,
        String protocol,
        String category,
        String unit,
        String quantity,
        String month,
        String due,
        String amount,
        String outcome,
        String netted,
        String payable,
        String paid,
        String toRecover,
        AllocationStatus status,
        List<Payment> payments,
        String allocatedAt,
        String updatedAt,
        String txId) {
    public static final String FULL = "FULL";
    public static final String CAPPED = "CAPPED";
    public static final String PARTIAL = "PARTIAL";

    public Allocation {
        payments = List.copyOf(payments);
    }

    public Allocation with(
            final AllocationStatus status,
            final String paid,
            final String toRecover,
            final List<Payment> payments,
            final String updatedAt) {
        return new Allocation(
                campaign,
                serial,
                owner,
                beneficiary,
                protocol,
                category,
                unit,
                quantity,
                month,
                due,
                amount,
                outcome,
                netted,
                payable,
                paid,
                toRecover,
                status,
                payments,
                allocatedAt,
                updatedAt,
                txId);
    }
}
