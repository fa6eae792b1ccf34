package io.impactproof.gateway.registry;

import io.impactproof.client.RegistryClient;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.gateway.system.ApiException;
import io.impactproof.model.Transactions;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.CertificateStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public registry, as the established carbon registries publish theirs: every certificate
 * issued, held and retired, searchable without an account, and the same view as CSV. Totals are per
 * impact category and unit, never across them.
 *
 * <p>A search reads every certificate, a page of {@value #PAGE} at a time, and filters here: linear
 * in the registry's size, fine for a sub-network's tens of thousands of certificates; beyond that a
 * node keeps a search index fed by the ledger's events.
 */
@RestController
@Tag(name = "registry", description = "The public registry of certificates issued and retired")
class RegistryController {
    static final int PAGE = Transactions.MAX_PAGE;
    static final int MAX_RESULTS = 10_000;
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final RegistryClient registry;

    RegistryController(final RegistryClient registry) {
        this.registry = registry;
    }

    /** Totals of one impact category and unit. This record is immutable. */
    record Total(String category, String unit, int certificates, String quantity, String retired) {}

    /** A search's result: the matching certificates (at most {@code limit}) and the totals of all matches. */
    record Result(int matches, boolean truncated, List<RegistryEntry> certificates, List<Total> totals) {}

    @GetMapping("/registry")
    @Operation(
            summary = "Certificates issued and retired, searchable by protocol (id or id@version), category, "
                    + "vintage, status, holder, retirement beneficiary and serial prefix; totals per category and unit")
    Result search(final RegistryQuery query, @RequestParam(defaultValue = "500") final int limit) {
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new ApiException(ApiError.PARAMETER_INVALID, "limit is 1 to " + MAX_RESULTS);
        }
        final RegistryQuery checked = query.checked();
        final List<RegistryEntry> shown = new ArrayList<>();
        final Map<String, Object[]> totals = new TreeMap<>();
        final int[] matches = {0};
        RegistryClient.forEachPage(registry::certificates, PAGE, page -> {
            for (final CertificateRecord c : page) {
                if (!checked.matches(c)) {
                    continue;
                }
                matches[0]++;
                if (shown.size() < limit) {
                    shown.add(RegistryEntry.of(c));
                }
                final Object[] t = totals.computeIfAbsent(
                        c.category() + "\u0000" + c.unit(), k -> new Object[] {0, BigDecimal.ZERO, BigDecimal.ZERO});
                t[0] = (int) t[0] + 1;
                t[1] = ((BigDecimal) t[1]).add(new BigDecimal(c.quantity()));
                if (c.status() == CertificateStatus.RETIRED) {
                    t[2] = ((BigDecimal) t[2]).add(new BigDecimal(c.quantity()));
                }
            }
        });
        final List<Total> out = new ArrayList<>();
        totals.forEach((key, t) -> {
            final String[] parts = key.split("\u0000");
            out.add(new Total(
                    parts[0],
                    parts[1],
                    (int) t[0],
                    ((BigDecimal) t[1]).toPlainString(),
                    ((BigDecimal) t[2]).toPlainString()));
        });
        return new Result(matches[0], matches[0] > shown.size(), shown, out);
    }

    @GetMapping("/registry.csv")
    @Operation(summary = "The same search as RFC 4180 CSV, one row per certificate (up to 10,000)")
    ResponseEntity<String> csv(final RegistryQuery query) {
        final Result result = search(query, MAX_RESULTS);
        final RecordComponent[] columns = RegistryEntry.class.getRecordComponents();
        final StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180
                .builder()
                .setHeader(Arrays.stream(columns).map(RecordComponent::getName).toArray(String[]::new))
                .get()
                .print(out)) {
            for (final RegistryEntry e : result.certificates()) {
                final List<Object> row = new ArrayList<>();
                for (final RecordComponent column : columns) {
                    row.add(column.getAccessor().invoke(e));
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"impactproof-registry.csv\"")
                .body(out.toString());
    }
}
