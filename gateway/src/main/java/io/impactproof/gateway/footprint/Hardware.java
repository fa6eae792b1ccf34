package io.impactproof.gateway.footprint;

import io.impactproof.credentials.json.Json;
import io.impactproof.gateway.boavizta.Boavizta;
import io.impactproof.gateway.boavizta.BoaviztaException;
import io.impactproof.gateway.system.GatewayProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The node's hardware as BoaviztAPI sees it: the impacts of one hour of the machine (its embedded
 * impact allocated to the hour, and its use at the configured load and location) and of keeping a
 * byte for a year on its SSD. Asked once and kept; asked again after a failure. Thread-safe.
 */
final class Hardware {
    private static final double HOURS_PER_YEAR = 8760;

    private final Boavizta boavizta;
    private final GatewayProperties.Footprint config;
    private volatile Impacts impacts;

    Hardware(final Boavizta boavizta, final GatewayProperties.Footprint config) {
        this.boavizta = boavizta;
        this.config = config;
    }

    /**
     * @param hour per criterion (gwp, pe, adp), in BoaviztAPI's units, of one hour of the machine
     * @param byteYear per criterion, of one byte kept a year on the node's SSD
     * @param watts the machine's average power at the configured load (BoaviztAPI's model)
     * @param description what was asked: the request digests and the version
     */
    record Impacts(Map<String, Double> hour, Map<String, Double> byteYear, double watts, ObjectNode description) {}

    /** The hardware's impacts; BoaviztaException when BoaviztAPI cannot be asked. */
    Impacts impacts() {
        Impacts known = impacts;
        if (known == null) {
            synchronized (this) {
                known = impacts;
                if (known == null) {
                    known = fetch();
                    impacts = known;
                }
            }
        }
        return known;
    }

    /** The impacts if they were fetched already, without calling BoaviztAPI (for gauges). */
    Impacts known() {
        return impacts;
    }

    private Impacts fetch() {
        final ObjectNode usage =
                Json.object().put("usage_location", config.location()).put("time_workload", config.load());
        final Boavizta.Impacts machine;
        final ObjectNode description =
                Json.object().put("implementation", "boaviztapi").put("version", boavizta.version());
        if (present(config.cloudProvider()) && present(config.instanceType())) {
            final ObjectNode instance =
                    Json.object().put("provider", config.cloudProvider()).put("instance_type", config.instanceType());
            instance.set("usage", usage);
            machine = boavizta.cloudInstanceWithPower(instance, 1);
            description.put("machine", "cloud instance " + config.cloudProvider() + " " + config.instanceType());
        } else {
            final ObjectNode server = serverDescription();
            server.set("usage", usage);
            machine = boavizta.serverWithPower(server, 1.0);
            description.put(
                    "machine",
                    config.serverFile() == null
                            ? "BoaviztAPI's default server archetype"
                            : "server described in " + config.serverFile());
        }
        final ObjectNode ssd = Json.object().put("capacity", config.storageGigabytes());
        final Boavizta.Impacts disk = boavizta.ssd(ssd);
        final Map<String, Double> hour = new LinkedHashMap<>();
        final Map<String, Double> byteYear = new LinkedHashMap<>();
        // BoaviztAPI's component life is 3 years (26280 h): a year is a third of the SSD's embedded impact.
        final double bytes = config.storageGigabytes() * 1e9;
        for (final String criterion : Boavizta.CRITERIA) {
            hour.put(criterion, machine.get(criterion).total().doubleValue());
            byteYear.put(criterion, disk.get(criterion).embedded().doubleValue() * HOURS_PER_YEAR / 26280 / bytes);
        }
        description.put("machineRequestDigest", machine.requestDigest());
        description.put("ssdRequestDigest", disk.requestDigest());
        description.set("machineRequest", machine.request());
        description.set("ssdRequest", disk.request());
        description.put("averagePowerWatts", machine.averagePowerWatts());
        return new Impacts(Map.copyOf(hour), Map.copyOf(byteYear), machine.averagePowerWatts(), description);
    }

    private static boolean present(final String value) {
        return value != null && !value.isBlank();
    }

    private ObjectNode serverDescription() {
        if (config.serverFile() == null) {
            return Json.object();
        }
        try {
            final JsonNode node = Json.parse(Files.readString(config.serverFile()));
            if (!(node instanceof ObjectNode object)) {
                throw new BoaviztaException(config.serverFile() + " is not a JSON object");
            }
            return object.deepCopy();
        } catch (IOException e) {
            throw new BoaviztaException("cannot read " + config.serverFile() + ": " + e.getMessage(), e);
        }
    }
}
