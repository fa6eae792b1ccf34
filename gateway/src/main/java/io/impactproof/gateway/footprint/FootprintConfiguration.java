package io.impactproof.gateway.footprint;

import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.boavizta.Boavizta;
import io.impactproof.gateway.system.GatewayProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The footprint and its Prometheus gauges ({@code impactproof_footprint_certificate_*}): NaN until
 * the hardware's impacts were first asked of BoaviztAPI (by {@code GET /footprint}), so a scrape
 * never waits on another service.
 */
@Configuration(proxyBeanMethods = false)
class FootprintConfiguration {
    @Bean
    Footprint footprint(
            final CpuMeter meter,
            final Boavizta boavizta,
            final GatewayProperties properties,
            final LedgerPort ledger,
            final ContentStore store,
            final MeterRegistry registry) {
        final Footprint footprint = new Footprint(meter, boavizta, properties.footprint(), ledger, store);
        for (final String criterion : io.impactproof.gateway.boavizta.Boavizta.CRITERIA) {
            gauge(
                    registry,
                    footprint,
                    "impactproof.footprint.certificate.production",
                    criterion,
                    r -> r.perCertificate().production());
            gauge(
                    registry,
                    footprint,
                    "impactproof.footprint.certificate.keeping.per.year",
                    criterion,
                    r -> r.perCertificate().keepingPerYear());
        }
        Gauge.builder(
                        "impactproof.footprint.certificate.cpu.seconds",
                        footprint,
                        f -> f.known()
                                .map(r -> r.perCertificate().productionCpuSeconds())
                                .orElse(Double.NaN))
                .description("CPU seconds this node spent per certificate produced (measured)")
                .register(registry);
        return footprint;
    }

    private static void gauge(
            final MeterRegistry registry,
            final Footprint footprint,
            final String name,
            final String criterion,
            final Function<Footprint.Report, Map<String, Double>> figures) {
        Gauge.builder(
                        name,
                        footprint,
                        f -> f.known()
                                .map(r -> figures.apply(r).getOrDefault(criterion, Double.NaN))
                                .orElse(Double.NaN))
                .tag("criterion", criterion)
                .tag("unit", Footprint.UNITS.get(criterion))
                .description("The registry's own footprint per certificate, per criterion (never summed)")
                .register(registry);
    }
}
