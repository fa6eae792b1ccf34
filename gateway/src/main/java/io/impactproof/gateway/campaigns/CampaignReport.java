package io.impactproof.gateway.campaigns;

import io.impactproof.model.campaign.Allocation;
import io.impactproof.model.campaign.AllocationStatus;
import io.impactproof.model.campaign.Campaign;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A campaign's position: budget committed, allocated, paid, remaining, and the same per owner and
 * per month (of the activity), from its allocations on the ledger. Money only is summed; impact
 * quantities are summed per category and unit, never across them. This record is immutable.
 */
record CampaignReport(
        Campaign campaign, String remaining, List<Line> perOwner, List<Line> perMonth, List<Impact> impacts) {

    /**
     * The allocations of one owner or month. This record is immutable.
     *
     * @param allocated live allocations (cancelled ones excluded)
     * @param paid payments recorded plus advances netted
     * @param settled allocations whose units the financer received
     */
    record Line(String key, int allocations, String allocated, String paid, String settled, String toRecover) {}

    /** Funded impact in one category and unit. This record is immutable. */
    record Impact(String category, String unit, int certificates, String quantity, String settledQuantity) {}

    static CampaignReport of(final Campaign campaign, final List<Allocation> allocations) {
        return new CampaignReport(
                campaign,
                campaign.remaining().setScale(2).toPlainString(),
                lines(allocations, Allocation::owner),
                lines(allocations, Allocation::month),
                impacts(allocations));
    }

    private static List<Line> lines(final List<Allocation> allocations, final Function<Allocation, String> key) {
        final Map<String, List<Allocation>> groups = new TreeMap<>();
        allocations.forEach(a ->
                groups.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a));
        final List<Line> out = new ArrayList<>();
        groups.forEach((k, group) -> {
            BigDecimal allocated = BigDecimal.ZERO.setScale(2);
            BigDecimal paid = BigDecimal.ZERO.setScale(2);
            BigDecimal settled = BigDecimal.ZERO.setScale(2);
            BigDecimal recover = BigDecimal.ZERO.setScale(2);
            for (final Allocation a : group) {
                paid = paid.add(new BigDecimal(a.paid())).add(new BigDecimal(a.netted()));
                recover = recover.add(new BigDecimal(a.toRecover()));
                if (a.status() != AllocationStatus.CANCELLED) {
                    allocated = allocated.add(new BigDecimal(a.amount()));
                }
                if (a.status() == AllocationStatus.SETTLED) {
                    settled = settled.add(new BigDecimal(a.amount()));
                }
            }
            out.add(new Line(
                    k,
                    group.size(),
                    allocated.toPlainString(),
                    paid.toPlainString(),
                    settled.toPlainString(),
                    recover.toPlainString()));
        });
        return out;
    }

    private static List<Impact> impacts(final List<Allocation> allocations) {
        final Map<List<String>, BigDecimal[]> sums =
                new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        final Map<List<String>, Integer> counts =
                new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        for (final Allocation a : allocations) {
            if (a.status() == AllocationStatus.CANCELLED) {
                continue;
            }
            final List<String> key = List.of(a.category(), a.unit());
            final BigDecimal[] sum =
                    sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(new BigDecimal(a.quantity()));
            if (a.status() == AllocationStatus.SETTLED) {
                sum[1] = sum[1].add(new BigDecimal(a.quantity()));
            }
            counts.merge(key, 1, Integer::sum);
        }
        final List<Impact> out = new ArrayList<>();
        sums.forEach((key, sum) -> out.add(
                new Impact(key.get(0), key.get(1), counts.get(key), sum[0].toPlainString(), sum[1].toPlainString())));
        return out;
    }
}
