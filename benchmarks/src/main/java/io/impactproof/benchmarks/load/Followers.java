package io.impactproof.benchmarks.load;

import io.impactproof.benchmarks.soak.Registry;
import io.impactproof.credentials.json.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Follows claims as a dashboard following thousands of them would: one stream of the ledger's
 * certificate events ({@code GET /events}), opened before the first claim is posted, instead of a
 * read per claim and certificate (at this rate, tens of thousands of requests sharing the cores
 * with the gateway). {@code CertificatesIssued} gives each claim's serial, {@code
 * CertificatesActivated} tells the serial is ACTIVE; the certificates of the last activations are
 * then read for when the ledger recorded them ACTIVE ({@code updatedAt}). A stream the gateway ends
 * is resumed with {@code Last-Event-ID}.
 */
final class Followers implements AutoCloseable {
    private static final String QUERY = "/events?name=CertificatesIssued,CertificatesActivated";

    private final Registry registry;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Thread reader;
    // Guarded by this.
    private final Map<String, String> serialOfClaim = new HashMap<>();
    private final Map<String, Activation> activations = new HashMap<>();
    private long activationEvents;
    private String lastId;
    private HttpResponse<Stream<String>> response;
    private boolean closed;

    /** When a serial was seen ACTIVE: its activation event's rank in the stream, and the reader's time. */
    private record Activation(long event, long seenNanos) {}

    /**
     * What was seen: the serials in the claims' order, the ledger's time of the last certificate
     * to become ACTIVE, and when the stream had shown every one ACTIVE (System.nanoTime()).
     */
    record Followed(List<String> serials, Instant lastActive, long allSeenNanos) {}

    private Followers(final Registry registry) {
        this.registry = registry;
        this.reader = new Thread(this::read, "load-followers");
        reader.setDaemon(true);
    }

    /** Opens the stream from the ledger's present, and waits until it is open. */
    static Followers open(final Registry registry) throws IOException, InterruptedException {
        final Followers followers = new Followers(registry);
        followers.connect();
        followers.reader.start();
        return followers;
    }

    private void connect() throws IOException, InterruptedException {
        final HttpRequest.Builder request =
                HttpRequest.newBuilder(registry.uri(QUERY)).header("Accept", "text/event-stream");
        final String after;
        synchronized (this) {
            after = lastId;
        }
        if (after != null) {
            request.header("Last-Event-ID", after);
        }
        final HttpResponse<Stream<String>> opened = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (opened.statusCode() != 200) {
            opened.body().close();
            throw new IOException("GET " + QUERY + ": HTTP " + opened.statusCode());
        }
        synchronized (this) {
            response = opened;
        }
    }

    private void read() {
        while (true) {
            final HttpResponse<Stream<String>> current;
            synchronized (this) {
                if (closed) {
                    return;
                }
                current = response;
            }
            final String[] event = new String[3]; // id, name, data
            try (Stream<String> lines = current.body()) {
                lines.forEach(line -> {
                    if (line.isEmpty()) {
                        if (event[2] != null) {
                            handle(event[0], event[1], Json.parse(event[2]));
                        }
                        java.util.Arrays.fill(event, null);
                    } else if (line.startsWith("id:")) {
                        event[0] = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        event[1] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        event[2] = line.substring(5).trim();
                    }
                });
            } catch (RuntimeException e) {
                // the connection broke: resumed below, from the last event handled
            }
            reconnect();
        }
    }

    private void reconnect() {
        while (true) {
            synchronized (this) {
                if (closed) {
                    return;
                }
            }
            try {
                Thread.sleep(200);
                connect();
                return;
            } catch (IOException e) {
                // the gateway is busy or restarting: try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void handle(final String id, final String name, final JsonNode data) {
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
        lastId = id;
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
        final HttpResponse<Stream<String>> current;
        synchronized (this) {
            closed = true;
            current = response;
        }
        if (current != null) {
            current.body().close();
        }
        try {
            reader.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
