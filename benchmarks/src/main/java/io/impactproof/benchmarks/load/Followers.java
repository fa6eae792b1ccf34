package io.impactproof.benchmarks.load;

import io.impactproof.benchmarks.soak.Registry;
import io.impactproof.client.events.EventStreamReader;
import io.impactproof.credentials.json.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Follows claims as a dashboard following thousands of them would: one stream of the ledger's
 * certificate events ({@code GET /events}), opened before the first claim is posted, instead of a
 * read per claim and certificate (at this rate, tens of thousands of requests sharing the cores
 * with the gateway). {@code CertificatesIssued} gives each claim's serial, {@code
 * CertificatesActivated} tells the serial is ACTIVE; the certificates of the last activations are
 * then read for when the ledger recorded them ACTIVE ({@code updatedAt}). A stream the gateway ends
 * is resumed with {@code Last-Event-ID} ({@link EventStreamReader}).
 */
final class Followers implements AutoCloseable {
    private static final String QUERY = "/events?name=CertificatesIssued,CertificatesActivated";

    private final Registry registry;
    private EventStreamReader reader;
    // Guarded by this.
    private final Map<String, String> serialOfClaim = new HashMap<>();
    private final Map<String, Activation> activations = new HashMap<>();
    private long activationEvents;

    /** When a serial was seen ACTIVE: its activation event's rank in the stream, and the reader's time. */
    private record Activation(long event, long seenNanos) {}

    /**
     * What was seen: the serials in the claims' order, the ledger's time of the last certificate
     * to become ACTIVE, and when the stream had shown every one ACTIVE (System.nanoTime()).
     */
    record Followed(List<String> serials, Instant lastActive, long allSeenNanos) {}

    private Followers(final Registry registry) {
        this.registry = registry;
    }

    /** Opens the stream from the ledger's present, and waits until it is open. */
    static Followers open(final Registry registry) throws IOException, InterruptedException {
        final Followers followers = new Followers(registry);
        followers.reader = EventStreamReader.open(
                registry.uri(QUERY), event -> followers.handle(event.name(), Json.parse(event.data())));
        return followers;
    }

    private synchronized void handle(final String name, final JsonNode data) {
        if ("CertificatesIssued".equals(name)) {
            for (final JsonNode certificate : data.path("certificates")) {
                serialOfClaim.put(
                        certificate.path("claim").stringValue(""),
                        certificate.path("serial").stringValue(""));
            }
        } else if ("CertificatesActivated".equals(name)) {
            final Activation activation = new Activation(activationEvents++, System.nanoTime());
            for (final JsonNode serial : data.path("serials")) {
                activations.put(serial.stringValue(""), activation);
            }
        }
        notifyAll();
    }

    /**
     * Waits until every claim's certificate is ACTIVE; fails once {@code deadline} ({@link
     * System#nanoTime}) has passed.
     */
    Followed await(final List<String> ids, final long deadline) throws IOException, InterruptedException {
        final List<String> serials = new ArrayList<>(ids.size());
        long seen = 0;
        long lastEvent = -1;
        synchronized (this) {
            for (final String id : ids) {
                Activation activation;
                String serial;
                while ((serial = serialOfClaim.get(id)) == null || (activation = activations.get(serial)) == null) {
                    final long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new IllegalStateException("claim " + id + " not certified and ACTIVE in time");
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                serials.add(serial);
                seen = Math.max(seen, activation.seenNanos());
                lastEvent = Math.max(lastEvent, activation.event());
            }
        }
        return new Followed(List.copyOf(serials), lastActive(serials, lastEvent), seen);
    }

    /**
     * The ledger's latest ACTIVE time among the certificates of the last two activations: the
     * transactions' times follow their commit order but for those simulated side by side.
     */
    private Instant lastActive(final List<String> serials, final long lastEvent)
            throws IOException, InterruptedException {
        final Set<String> last = new HashSet<>();
        synchronized (this) {
            for (final String serial : serials) {
                if (activations.get(serial).event() >= lastEvent - 1) {
                    last.add(serial);
                }
            }
        }
        Instant latest = Instant.EPOCH;
        for (final String serial : last) {
            final Registry.Answer answer = registry.get(
                    "/certificates/" + URLEncoder.encode(serial, StandardCharsets.UTF_8), "Accept", "application/json");
            if (answer.status() != 200) {
                throw new IllegalStateException("certificate " + serial + ": HTTP " + answer.status());
            }
            final Instant at = Instant.parse(answer.json().path("updatedAt").stringValue(""));
            latest = at.isAfter(latest) ? at : latest;
        }
        return latest;
    }

    @Override
    public void close() {
        reader.close();
    }
}
