package io.impactproof.gateway.boavizta;

import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client of a running BoaviztAPI ({@code scripts/boaviztapi start}). Every answer carries the
 * service's version and the SHA-256 of the exact request, so that a value can be recomputed by
 * anyone with the same version. Thread-safe.
 */
public final class Boavizta {
    /** The three criteria the registry certifies, in BoaviztAPI's names. */
    public static final List<String> CRITERIA = List.of("gwp", "pe", "adp");

    private static final String QUERY = "criteria=gwp&criteria=pe&criteria=adp";

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;
    private volatile String version;

    public Boavizta(final String baseUrl, final Duration timeout) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String baseUrl() {
        return base.toString();
    }

    /** The version the service reports ({@code GET /v1/utils/version}), asked once. */
    public String version() {
        if (version == null) {
            final JsonNode answer = Json.parse(send("GET", "v1/utils/version", null));
            version = answer.stringValue(null);
            if (version == null) {
                throw new BoaviztaException("BoaviztAPI answered its version with " + answer);
            }
        }
        return version;
    }

    /**
     * A server's impacts ({@code POST /v1/server/}): {@code server} as BoaviztAPI takes it (model,
     * configuration, usage); {@code durationHours} allocates the embedded impact and sizes the use
     * phase, null for the whole embedded impact over the server's life.
     */
    public Impacts server(final JsonNode server, final Double durationHours) {
        return post("v1/server/", server, durationHours, false);
    }

    /** The same, verbose: with the average power BoaviztAPI models at the usage given. */
    public Impacts serverWithPower(final JsonNode server, final Double durationHours) {
        return post("v1/server/", server, durationHours, true);
    }

    /** A cloud instance's impacts ({@code POST /v1/cloud/instance}) over {@code durationHours}. */
    public Impacts cloudInstance(final JsonNode instance, final double durationHours) {
        return post("v1/cloud/instance", instance, durationHours, false);
    }

    /** The same, verbose: with the instance's modelled average power. */
    public Impacts cloudInstanceWithPower(final JsonNode instance, final double durationHours) {
        return post("v1/cloud/instance", instance, durationHours, true);
    }

    /** An SSD's embedded impacts ({@code POST /v1/component/ssd}), over its life. */
    public Impacts ssd(final JsonNode ssd) {
        return post("v1/component/ssd", ssd, null, false);
    }

    private Impacts post(final String path, final JsonNode body, final Double durationHours, final boolean verbose) {
        final String query =
                "verbose=" + verbose + "&" + QUERY + (durationHours == null ? "" : "&duration=" + plain(durationHours));
        final String target = path + "?" + query;
        final ObjectNode request = Json.object().put("method", "POST").put("path", "/" + target);
        request.set("body", body);
        final JsonNode answer = Json.parse(send("POST", target, Json.canonical(body)));
        final Map<String, Impact> impacts = new LinkedHashMap<>();
        for (final String criterion : CRITERIA) {
            final JsonNode node = answer.path("impacts").path(criterion);
            impacts.put(
                    criterion,
                    new Impact(node.path("unit").stringValue(""), value(node, "embedded"), value(node, "use")));
        }
        final JsonNode power = answer.path("verbose").path("avg_power").path("value");
        return new Impacts(
                version(),
                Digests.sha256Hex(Json.canonicalBytes(request)),
                request,
                impacts,
                power.isNumber() ? power.doubleValue() : Double.NaN);
    }

    private static BigDecimal value(final JsonNode criterion, final String phase) {
        final JsonNode value = criterion.path(phase).path("value");
        if (value.isMissingNode() && "use".equals(phase)) {
            return BigDecimal.ZERO; // a component has no use phase
        }
        if (!value.isNumber()) {
            throw new BoaviztaException("BoaviztAPI gave no " + phase + " value: " + criterion);
        }
        return value.decimalValue();
    }

    private static String plain(final double hours) {
        return BigDecimal.valueOf(hours).stripTrailingZeros().toPlainString();
    }

    private String send(final String method, final String target, final String body) {
        final HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(target)).timeout(timeout).header("accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        final HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BoaviztaException("BoaviztAPI at " + base + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoaviztaException("interrupted while calling BoaviztAPI", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new BoaviztaException("BoaviztAPI answered " + method + " /" + target + " with HTTP "
                    + response.statusCode() + ": " + abbreviated(response.body()));
        }
        return response.body();
    }

    private static String abbreviated(final String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** One criterion's impacts, in BoaviztAPI's unit (kgCO2eq, MJ, kgSbeq), to its display precision. */
    public record Impact(String unit, BigDecimal embedded, BigDecimal use) {
        public BigDecimal total() {
            return embedded.add(use);
        }
    }

    /**
     * BoaviztAPI's answer to one request.
     *
     * @param requestDigest hex SHA-256 of the canonical JSON {method, path with query, body}
     * @param request that JSON, to recompute the value
     * @param averagePowerWatts the modelled average power (verbose requests), NaN otherwise
     */
    public record Impacts(
            String version,
            String requestDigest,
            ObjectNode request,
            Map<String, Impact> byCriterion,
            double averagePowerWatts) {
        public Impact get(final String criterion) {
            return byCriterion.get(criterion);
        }
    }
}
