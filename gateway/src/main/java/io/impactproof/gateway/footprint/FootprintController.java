package io.impactproof.gateway.footprint;

import io.impactproof.client.RegistryClient;
import io.impactproof.gateway.boavizta.BoaviztaException;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.gateway.system.ApiException;
import io.impactproof.model.certificate.CertificateRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The registry's own footprint, public like the registry's records. */
@RestController
@Tag(name = "Footprint", description = "What producing and keeping a certificate costs the planet")
class FootprintController {
    private final Footprint footprint;
    private final RegistryClient registry;

    FootprintController(final Footprint footprint, final RegistryClient registry) {
        this.footprint = footprint;
        this.registry = registry;
    }

    @Operation(summary = "The footprint per certificate and per transaction kind, with its method and assumptions")
    @GetMapping(value = "/footprint", produces = MediaType.APPLICATION_JSON_VALUE)
    Footprint.Report report() {
        return reportOrUnavailable();
    }

    /**
     * A certificate's footprint: the per-certificate figures of the node's production, with the
     * certificate's own criterion (kgCO2e, MJ…) beside them, never added to them.
     */
    @Operation(summary = "The footprint of producing and keeping one certificate")
    @GetMapping(value = "/footprint/certificates/{serial}", produces = MediaType.APPLICATION_JSON_VALUE)
    CertificateFootprint certificate(@PathVariable final String serial) {
        final CertificateRecord record = registry.certificate(serial);
        final Footprint.Report report = reportOrUnavailable();
        return new CertificateFootprint(
                record.serial(),
                record.quantity(),
                record.unit(),
                report.perCertificate().production(),
                report.perCertificate().keepingPerYear(),
                report.units(),
                report.perCertificate().certificatesIssued(),
                "/footprint");
    }

    /**
     * @param production per criterion in {@code units}: the average over the certificates this node
     *     issued (batched work cannot be split per certificate more finely than that)
     * @param method where the method, the per-kind figures and the hardware are
     */
    record CertificateFootprint(
            String serial,
            String quantity,
            String unit,
            java.util.Map<String, Double> production,
            java.util.Map<String, Double> keepingPerYear,
            java.util.Map<String, String> units,
            long averagedOver,
            String method) {}

    private Footprint.Report reportOrUnavailable() {
        try {
            return footprint.report();
        } catch (BoaviztaException e) {
            throw new ApiException(ApiError.REFERENCE_UNAVAILABLE, e.getMessage());
        }
    }
}
