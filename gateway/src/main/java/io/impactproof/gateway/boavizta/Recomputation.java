package io.impactproof.gateway.boavizta;

import io.impactproof.credentials.json.Json;
import io.impactproof.protocols.engine.CompiledProtocol;
import io.impactproof.protocols.model.Reference;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an algorithmic verifier does for a protocol whose figures come from BoaviztAPI: sends the
 * claim's configuration to the pinned BoaviztAPI version, puts the reference figures in place of
 * the owner's, and says which of the owner's figures differ from the reference by more than the
 * protocol's relative tolerance. The protocol engine then computes the value from the reference
 * figures, exactly as the chaincode computed the claimed one. Results are kept per claim digest (a
 * multi-criteria claim's records share one computation). Thread-safe.
 */
public final class Recomputation {
    private static final int KEPT = 1_000;

    private final Boavizta boavizta;
    private final Map<String, Result> byClaim = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, Result> eldest) {
            return size() > KEPT;
        }
    };

    public Recomputation(final Boavizta boavizta) {
        this.boavizta = boavizta;
    }

    /**
     * The reference figures of a claim.
     *
     * @param referenceData the claim data with BoaviztAPI's figures in place of the owner's
     * @param mismatches the owner's figures outside the tolerance, as {@code field: stated, reference}
     * @param computation what was asked and of which version: {@code {implementation, version, model,
     *     requests: [{digest, request}]}}, carried by the attestation so anyone can recompute it
     */
    public record Result(JsonNode referenceData, List<String> mismatches, ObjectNode computation) {}

    public Result recompute(final String claimDigest, final CompiledProtocol protocol, final JsonNode data) {
        synchronized (byClaim) {
            final Result kept = byClaim.get(claimDigest);
            if (kept != null) {
                return kept;
            }
        }
        final Result result = compute(protocol, data);
        synchronized (byClaim) {
            byClaim.put(claimDigest, result);
        }
        return result;
    }

    private Result compute(final CompiledProtocol protocol, final JsonNode data) {
        final Reference reference = protocol.protocol().verification().reference();
        if (!"boaviztapi".equals(reference.implementation())) {
            throw new BoaviztaException("no algorithmic verifier for " + reference.implementation());
        }
        final String running = boavizta.version();
        if (!reference.version().equals(running)) {
            throw new BoaviztaException(protocol.ref() + " pins BoaviztAPI " + reference.version() + ", the service at "
                    + boavizta.baseUrl() + " is " + running);
        }
        final ObjectNode figures = Json.object();
        final List<Boavizta.Impacts> answers = new ArrayList<>();
        switch (reference.model()) {
            case "server-embedded" -> {
                final Boavizta.Impacts server = boavizta.server(data.path("server"), null);
                answers.add(server);
                figures.put("embedded_gwp_kgco2e", server.get("gwp").embedded());
                figures.put("embedded_pe_mj", server.get("pe").embedded());
                figures.put("embedded_adp_kgsbeq", server.get("adp").embedded());
            }
            case "cloud-instance" -> {
                final double hours = periodHours(data);
                for (final String side : List.of("before", "after")) {
                    final ObjectNode instance = Json.object()
                            .put("provider", data.path("provider").stringValue(""))
                            .put("instance_type", data.path("instance_" + side).stringValue(""));
                    instance.putObject("usage")
                            .put("usage_location", data.path("usage_location").stringValue(""))
                            .set("time_workload", data.path("time_workload_" + side));
                    final Boavizta.Impacts impacts = boavizta.cloudInstance(instance, hours);
                    answers.add(impacts);
                    figures.put(side + "_gwp_kgco2e", impacts.get("gwp").total());
                    figures.put(side + "_pe_mj", impacts.get("pe").total());
                    figures.put(side + "_adp_kgsbeq", impacts.get("adp").total());
                }
            }
            default -> throw new BoaviztaException("no algorithmic verifier for BoaviztAPI model " + reference.model());
        }
        final BigDecimal tolerance =
                protocol.protocol().verification().tolerance().relative() == null
                        ? BigDecimal.ZERO
                        : protocol.protocol().verification().tolerance().relative();
        final List<String> mismatches = new ArrayList<>();
        final ObjectNode referenceData = (ObjectNode) data.deepCopy();
        figures.properties().forEach(e -> {
            final BigDecimal expected = e.getValue().decimalValue();
            final JsonNode stated = data.path(e.getKey());
            if (!stated.isNumber() || outside(stated.decimalValue(), expected, tolerance)) {
                mismatches.add(e.getKey() + ": stated " + stated + ", reference " + expected.toPlainString());
            }
            referenceData.set(e.getKey(), e.getValue());
        });
        final ObjectNode computation = Json.object()
                .put("implementation", reference.implementation())
                .put("version", running)
                .put("model", reference.model());
        final var requests = computation.putArray("requests");
        answers.forEach(
                a -> requests.addObject().put("digest", a.requestDigest()).set("request", a.request()));
        return new Result(referenceData, List.copyOf(mismatches), computation);
    }

    private static boolean outside(final BigDecimal stated, final BigDecimal expected, final BigDecimal tolerance) {
        final BigDecimal band = expected.abs().multiply(tolerance, MathContext.DECIMAL64);
        return stated.subtract(expected).abs().compareTo(band) > 0;
    }

    /** The hours BoaviztAPI is asked for: the claimed period, both days included (as the protocol counts them). */
    private static double periodHours(final JsonNode data) {
        try {
            final LocalDate start = LocalDate.parse(data.path("period_start").stringValue(""));
            final LocalDate end = LocalDate.parse(data.path("period_end").stringValue(""));
            return (ChronoUnit.DAYS.between(start, end) + 1) * 24.0;
        } catch (DateTimeParseException e) {
            throw new BoaviztaException("the claim's period is not two ISO dates: " + e.getMessage(), e);
        }
    }
}
