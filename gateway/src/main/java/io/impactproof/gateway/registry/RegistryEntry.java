package io.impactproof.gateway.registry;

import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.Retirement;

/**
 * One certificate as the public registry shows it: serial range, what and when, status, holder
 * and, once retired, for whom. Nothing personal: owners are DIDs, claim data stay off the ledger.
 * This record is immutable.
 *
 * @param block the serial block (vintage, protocol, claim) the units belong to
 * @param vintage the year the activity period ends
 */
record RegistryEntry(
        String serial,
        String block,
        long firstUnit,
        long lastUnit,
        String protocol,
        String category,
        String unit,
        String quantity,
        String vintage,
        String periodStart,
        String periodEnd,
        String proofLevel,
        String status,
        String producer,
        String holder,
        String organisation,
        String issuedAt,
        String beneficiary,
        String purpose,
        String reportingPeriod,
        String retiredAt) {

    static RegistryEntry of(final CertificateRecord c) {
        final Retirement r = c.retirement();
        return new RegistryEntry(
                c.serial(),
                c.block(),
                c.firstUnit(),
                c.lastUnit(),
                c.protocol(),
                c.category(),
                c.unit(),
                c.quantity(),
                c.periodEnd().substring(0, 4),
                c.periodStart(),
                c.periodEnd(),
                c.proofLevel(),
                c.status().name(),
                c.producer(),
                c.holder(),
                c.organisation(),
                c.issuedAt(),
                r == null ? null : r.beneficiary(),
                r == null ? null : r.purpose(),
                r == null ? null : r.reportingPeriod(),
                r == null ? null : r.retiredAt());
    }
}
