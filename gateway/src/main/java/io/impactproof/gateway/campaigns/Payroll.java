package io.impactproof.gateway.campaigns;

import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.model.campaign.Allocation;
import io.impactproof.model.campaign.AllocationStatus;
import io.impactproof.model.campaign.Campaign;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.claim.ClaimRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The payroll export of an employer's allowance campaign: per employee and month, the trips, the
 * distance per mode, what the campaign allocated (after its caps) and paid. The ledger gives the
 * allocations; the trips' details are the claim data, read from the signed claims this node keeps
 * (they never reach the ledger), so only the campaign's financer may read it.
 */
public final class Payroll {
    private Payroll() {}

    private static final class Row {
        final String employee;
        final String subject;
        final String month;
        int trips;
        int capped;
        int settled;
        final Map<String, BigDecimal> distance = new TreeMap<>();
        BigDecimal allocated = BigDecimal.ZERO.setScale(2);
        BigDecimal paid = BigDecimal.ZERO.setScale(2);

        Row(final String employee, final String subject, final String month) {
            this.employee = employee;
            this.subject = subject;
            this.month = month;
        }
    }

    public static String csv(
            final Campaign campaign,
            final List<Allocation> allocations,
            final RegistryClient registry,
            final ContentStore store) {
        final Map<String, Row> rows = new TreeMap<>();
        final TreeSet<String> modes = new TreeSet<>();
        for (final Allocation a : allocations) {
            if (a.beneficiary() == null || a.status() == AllocationStatus.CANCELLED) {
                continue;
            }
            final CertificateRecord certificate = registry.certificate(a.serial());
            final ClaimRecord claim = registry.claim(certificate.claim());
            final JsonNode data = data(store, claim);
            final String employee = data == null ? "" : data.path("commuter_id").stringValue("");
            final Row row = rows.computeIfAbsent(
                    employee + "\u0000" + a.beneficiary() + "\u0000" + a.month(),
                    k -> new Row(employee, a.beneficiary(), a.month()));
            row.trips++;
            row.allocated = row.allocated.add(new BigDecimal(a.amount()));
            row.paid = row.paid.add(new BigDecimal(a.paid())).add(new BigDecimal(a.netted()));
            if (Allocation.CAPPED.equals(a.outcome()) || Allocation.PARTIAL.equals(a.outcome())) {
                row.capped++;
            }
            if (a.status() == AllocationStatus.SETTLED) {
                row.settled++;
            }
            if (data != null
                    && data.path("mode").isString()
                    && data.path("distance_km").isNumber()) {
                final String mode = data.path("mode").stringValue();
                modes.add(mode);
                row.distance.merge(mode, data.path("distance_km").decimalValue(), BigDecimal::add);
            }
        }
        final List<String> columns = new ArrayList<>(List.of("employee_id", "subject", "month", "trips"));
        modes.forEach(m -> columns.add("distance_km_" + m));
        columns.addAll(List.of("currency", "allocated", "capped_trips", "paid", "settled_trips"));
        return CampaignExports.csv(columns, printer -> {
            for (final Row row : rows.values()) {
                final List<Object> values = new ArrayList<>(List.of(row.employee, row.subject, row.month, row.trips));
                modes.forEach(m -> values.add(row.distance
                        .getOrDefault(m, BigDecimal.ZERO)
                        .stripTrailingZeros()
                        .toPlainString()));
                values.addAll(List.of(
                        campaign.currency(),
                        row.allocated.toPlainString(),
                        row.capped,
                        row.paid.toPlainString(),
                        row.settled));
                printer.printRecord(values);
            }
        });
    }

    /** The claim's data from the signed claim this node keeps, or null when it is kept elsewhere. */
    private static JsonNode data(final ContentStore store, final ClaimRecord claim) {
        try {
            final SignedCredential signed = StoredCredentials.read(store, claim.digest());
            return signed.credential().subject().path("data");
        } catch (RuntimeException e) {
            return null;
        }
    }
}
