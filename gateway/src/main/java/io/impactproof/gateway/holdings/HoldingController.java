package io.impactproof.gateway.holdings;

import io.impactproof.client.RegistryClient;
import io.impactproof.gateway.participants.PathDids;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.gateway.system.ApiException;
import io.impactproof.gateway.system.Requests;
import io.impactproof.model.Actions;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.CertificateStatus;
import io.impactproof.model.certificate.Movement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What holders (financers, owners) do with certificates: transfer, split, retire, and see their portfolio. */
@RestController
@Tag(name = "holdings", description = "Holders transfer, split and retire certificates and follow their portfolio")
@RequestMapping
class HoldingController {
    private final RegistryClient registry;

    HoldingController(final RegistryClient registry) {
        this.registry = registry;
    }

    @PostMapping("/financers/certificates/{serial}/{action}")
    @Operation(
            summary =
                    "Transfers (args.to), splits (args.quantities) or retires (args.beneficiary, purpose, jurisdiction, "
                            + "reportingPeriod) a certificate; an instruction certificates.<action> signed by its holder")
    Object act(
            @PathVariable final String serial,
            @PathVariable final String action,
            @RequestBody final Requests.Instruction body) {
        return switch (action) {
            case "transfer" -> registry.transfer(body.requiredFor(Actions.TRANSFER, "serial", serial));
            case "split" -> registry.split(body.requiredFor(Actions.SPLIT, "serial", serial));
            case "retire" -> registry.retire(body.requiredFor(Actions.RETIRE, "serial", serial));
            default -> throw new ApiException(ApiError.NOT_FOUND, "action is transfer, split or retire");
        };
    }

    @GetMapping("/certificates/{serial}/history")
    @Operation(
            summary =
                    "Everything that happened to a certificate: issued, transferred, split, retired, suspended, revoked")
    List<Movement> history(@PathVariable final String serial) {
        return registry.history(serial);
    }

    /**
     * Totals of one impact category in one unit. This record is immutable.
     *
     * @param held the quantity held and usable (ACTIVE)
     * @param retired the quantity retired
     */
    record Total(String category, String unit, String held, String retired) {}

    /** A holder's certificates and totals per category and unit (never added across them). */
    record Portfolio(
            String holder,
            List<CertificateRecord> held,
            List<CertificateRecord> retired,
            List<CertificateRecord> other,
            List<Total> totals) {}

    @GetMapping("/financers/{did}/portfolio")
    @Operation(summary = "A holder's certificates, held and retired, with totals per impact category and unit")
    Portfolio portfolio(@PathVariable final String did, final HttpServletRequest request) {
        final String holder = PathDids.did(request, "/financers/", registry);
        final List<CertificateRecord> held = new ArrayList<>();
        final List<CertificateRecord> retired = new ArrayList<>();
        final List<CertificateRecord> other = new ArrayList<>();
        final Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (final CertificateRecord c : registry.holdings(holder)) {
            final BigDecimal[] sum = sums.computeIfAbsent(
                    c.category() + "\u0000" + c.unit(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (c.status() == CertificateStatus.ACTIVE) {
                held.add(c);
                sum[0] = sum[0].add(new BigDecimal(c.quantity()));
            } else if (c.status() == CertificateStatus.RETIRED) {
                retired.add(c);
                sum[1] = sum[1].add(new BigDecimal(c.quantity()));
            } else {
                other.add(c);
            }
        }
        final List<Total> totals = new ArrayList<>();
        sums.forEach((key, sum) -> {
            final String[] parts = key.split("\u0000");
            totals.add(new Total(parts[0], parts[1], sum[0].toPlainString(), sum[1].toPlainString()));
        });
        return new Portfolio(holder, held, retired, other, totals);
    }
}
