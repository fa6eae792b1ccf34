package io.impactproof.gateway.campaigns;

import io.impactproof.model.campaign.Allocation;
import io.impactproof.model.campaign.Campaign;
import io.impactproof.model.campaign.Payment;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A campaign's exports as RFC 4180 CSV (CRLF, quoted where needed): for accounting, one row per
 * allocation and one per payment, each row in a single impact category and unit, amounts in the
 * campaign's currency. Nothing is summed across categories: a spreadsheet pivots by the columns.
 */
final class CampaignExports {
    static final List<String> ALLOCATION_COLUMNS = List.of(
            "campaign",
            "serial",
            "owner",
            "protocol",
            "category",
            "unit",
            "quantity",
            "activity_month",
            "currency",
            "due",
            "allocated",
            "outcome",
            "netted_advance",
            "payable",
            "paid",
            "to_recover",
            "status",
            "allocated_at",
            "tx_id");
    static final List<String> PAYMENT_COLUMNS = List.of(
            "campaign",
            "serial",
            "owner",
            "category",
            "unit",
            "activity_month",
            "currency",
            "reference",
            "amount",
            "paid_on",
            "recorded_at",
            "tx_id");

    private CampaignExports() {}

    static String allocations(final Campaign campaign, final List<Allocation> allocations) {
        return csv(ALLOCATION_COLUMNS, printer -> {
            for (final Allocation a : allocations) {
                printer.printRecord(
                        a.campaign(),
                        a.serial(),
                        a.owner(),
                        a.protocol(),
                        a.category(),
                        a.unit(),
                        a.quantity(),
                        a.month(),
                        campaign.currency(),
                        a.due(),
                        a.amount(),
                        a.outcome(),
                        a.netted(),
                        a.payable(),
                        a.paid(),
                        a.toRecover(),
                        a.status(),
                        a.allocatedAt(),
                        a.txId());
            }
        });
    }

    static String payments(final Campaign campaign, final List<Allocation> allocations) {
        return csv(PAYMENT_COLUMNS, printer -> {
            for (final Allocation a : allocations) {
                for (final Payment p : a.payments()) {
                    printer.printRecord(
                            a.campaign(),
                            a.serial(),
                            a.owner(),
                            a.category(),
                            a.unit(),
                            a.month(),
                            campaign.currency(),
                            p.reference(),
                            p.amount(),
                            p.paidOn(),
                            p.at(),
                            p.txId());
                }
            }
        });
    }

    interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    static String csv(final List<String> columns, final Rows rows) {
        final StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180
                .builder()
                .setHeader(columns.toArray(String[]::new))
                .get()
                .print(out)) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
