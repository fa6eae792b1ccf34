package io.impactproof.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ledger.Checkpoint;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.gateway.agents.ManagedAgents;
import io.impactproof.gateway.events.EventStreamController;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /events}: one stream follows a claim from submission to its ACTIVE certificate, and a
 * client that reconnects with {@code Last-Event-ID} gets the events after that one, the same ids,
 * none repeated; malformed positions and names are refused before any stream opens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStreamIntegrationTests {
    @TempDir
    static Path data;

    private Gateway gateway;
    private final SigningKey owner = SigningKey.generateEd25519DidKey();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        // A heartbeat a second: the node finds clients that went away sooner.
        gateway = Gateway.start(data, true, 0, "http://registry.test", List.of("--impactproof.events.heartbeat=PT1S"));
        gateway.bean(ManagedAgents.class).register(owner, "owner", "owner");
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    /** One Server-Sent Event as a client parses it. */
    record Event(String id, String name, String data) {
        Checkpoint position() {
            return Checkpoint.parse(id);
        }
    }

    /** A stream's events, parsed from its lines on a thread of its own. */
    private final class Events implements AutoCloseable {
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final HttpResponse<Stream<String>> response;
        private final Thread reader;

        Events(final String query, final String... headers) throws IOException, InterruptedException {
            final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.base + "/events" + query))
                    .header("Accept", "text/event-stream");
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            reader = new Thread(this::read, "test-event-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            final String[] fields = new String[3];
            try {
                response.body().forEach(line -> {
                    if (line.isEmpty()) {
                        if (fields[2] != null) {
                            events.add(new Event(fields[0], fields[1], fields[2]));
                        }
                        java.util.Arrays.fill(fields, null);
                    } else if (line.startsWith("id:")) {
                        fields[0] = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        fields[1] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        fields[2] = line.substring(5).trim();
                    }
                });
            } catch (RuntimeException e) {
                // closed by the test
            }
        }

        /** Every event up to and including the first that matches. */
        List<Event> until(final Predicate<Event> last) throws InterruptedException {
            final List<Event> seen = new ArrayList<>();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                final Event next = events.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    seen.add(next);
                    if (last.test(next)) {
                        return seen;
                    }
                }
            }
            throw new AssertionError("no matching event in 60 s; seen " + seen);
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    @Test
    void one_stream_follows_a_claim_to_its_active_certificate_and_a_reconnection_resumes_after_its_last_id()
            throws Exception {
        final List<Event> first;
        final String claim;
        try (Events stream = new Events("")) {
            claim = gateway.submitClaim(owner, "cargo-bike-delivery", Gateway.delivery("EVENTS-1"));
            first = stream.until(e -> e.name().equals("CertificatesActivated"));
        }
        final List<String> names = first.stream().map(Event::name).toList();
        assertThat(names).containsSubsequence("ClaimsSubmitted", "AttestationsRecorded", "CertificatesIssued");
        final Event submitted = first.stream()
                .filter(e -> e.name().equals("ClaimsSubmitted"))
                .findFirst()
                .orElseThrow();
        assertThat(Json.parse(submitted.data())
                        .path("claims")
                        .path(0)
                        .path("id")
                        .stringValue(""))
                .isEqualTo(claim);
        final Event issued = first.stream()
                .filter(e -> e.name().equals("CertificatesIssued"))
                .findFirst()
                .orElseThrow();
        final String serial = Json.parse(issued.data())
                .path("certificates")
                .path(0)
                .path("serial")
                .stringValue("");
        assertThat(Json.parse(first.get(first.size() - 1).data())
                        .path("serials")
                        .toString())
                .contains(serial);
        for (int i = 1; i < first.size(); i++) {
            assertThat(first.get(i - 1)
                            .position()
                            .precedes(
                                    first.get(i).position().block(),
                                    first.get(i).position().transaction()))
                    .as("ids in ledger order")
                    .isTrue();
        }

        // Resumed after the submission, keeping two kinds: the same events, at the same positions.
        try (Events resumed =
                new Events("?name=CertificatesIssued&name=CertificatesActivated", "Last-Event-ID", submitted.id())) {
            final List<Event> again = resumed.until(e -> e.name().equals("CertificatesActivated"));
            assertThat(again)
                    .containsExactlyElementsOf(first.stream()
                            .filter(e -> e.name().equals("CertificatesIssued")
                                    || e.name().equals("CertificatesActivated"))
                            .filter(e -> submitted
                                    .position()
                                    .precedes(e.position().block(), e.position().transaction()))
                            .toList());
        }
        // ?after= does the same for a client that keeps the position itself.
        try (Events after = new Events("?name=CertificatesIssued&after=" + submitted.id())) {
            assertThat(after.until(e -> true)).containsExactly(issued);
        }
    }

    @Test
    void malformed_positions_and_names_are_refused_as_problems() {
        for (final String[] request : List.of(
                new String[] {"/events", "Last-Event-ID", "twelve"},
                new String[] {"/events?after=12", "X-Case", "no transaction"},
                new String[] {"/events?after=-2:0", "X-Case", "before the beginning"},
                new String[] {"/events?after=99999999:0", "X-Case", "after the last block"},
                new String[] {"/events?name=Claims-Submitted", "X-Case", "not a name"},
                new String[] {"/events?name=", "X-Case", "empty name"})) {
            final Gateway.Response response =
                    gateway.get(request[0], request[1], request[2], "Accept", "text/event-stream");
            assertThat(response.status()).as(String.join(" ", request)).isEqualTo(400);
            assertThat(response.contentType()).as(request[2]).startsWith("application/problem+json");
            assertThat(response.code()).as(request[2]).isEqualTo("PARAMETER_INVALID");
        }
    }

    @Test
    void a_node_serves_a_bounded_number_of_streams_and_frees_the_slot_of_a_client_that_went_away() throws Exception {
        awaitOpenStreams(0); // another test's streams, closed by their client, are freed at the heartbeat
        final List<Events> open = new ArrayList<>();
        try {
            for (int i = 0; i < EventStreamController.MAX_STREAMS; i++) {
                open.add(new Events("?name=NothingEverEmitted"));
            }
            assertThat(openStreams()).isEqualTo(EventStreamController.MAX_STREAMS);
            final HttpResponse<String> busy = http.send(
                    HttpRequest.newBuilder(URI.create(gateway.base + "/events"))
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(Json.parse(busy.body()).path("code").stringValue("")).isEqualTo("EVENT_STREAMS_BUSY");
            assertThat(busy.headers().firstValue("Retry-After")).contains("5");
            assertThat(openStreams()).isEqualTo(EventStreamController.MAX_STREAMS);
        } finally {
            open.forEach(Events::close);
        }
        // The node finds a closed connection at its next write (the heartbeat), and frees the slots.
        awaitOpenStreams(0);
        final Events again = new Events("");
        try {
            assertThat(openStreams()).isEqualTo(1);
        } finally {
            again.close();
        }
    }

    private double openStreams() {
        final Gateway.Response metric = gateway.get("/actuator/metrics/impactproof.events.streams");
        assertThat(metric.status()).isEqualTo(200);
        return metric.json().path("measurements").path(0).path("value").asDouble();
    }

    private void awaitOpenStreams(final int expected) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (openStreams() != expected) {
            assertThat(System.nanoTime()).as("streams still open after 60 s").isLessThan(deadline);
            Thread.sleep(500);
        }
    }
}
