package io.impactproof.client.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reader against a loopback HTTP server writing Server-Sent Events by hand: fields, comments
 * and multi-line data parsed as the standard says, a stream that ends reopened with the last id,
 * and a refusal reported to the caller that opens it.
 */
class EventStreamReaderTest {
    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    private final BlockingQueue<ServerSentEvent> received = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves {@code /events}: the n-th request (from 0) gets {@code bodies.apply(n)}, then ends or is held. */
    private URI serve(final int status, final Function<Integer, String> bodies, final int endedStreams)
            throws IOException {
        final AtomicInteger requests = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/events", (HttpExchange exchange) -> {
            final int n = requests.getAndIncrement();
            lastEventIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(status, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bodies.apply(n).getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (n >= endedStreams) {
                    release.await(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/events");
    }

    private ServerSentEvent next() throws InterruptedException {
        final ServerSentEvent event = received.poll(30, TimeUnit.SECONDS);
        assertThat(event).as("an event within 30 s").isNotNull();
        return event;
    }

    @Test
    void fields_comments_and_multi_line_data_are_read_as_the_standard_says() throws Exception {
        final URI uri = serve(
                200,
                n -> "retry: 1000\n\n: a heartbeat\n\n"
                        + "id: 1:0\nevent: ClaimsSubmitted\ndata: {\"claims\":[]}\n\n"
                        + "id:1:1\ndata: first\ndata:second\nunknown: ignored\n\n"
                        + "id: 2:0\n\n",
                0);
        try (EventStreamReader reader = EventStreamReader.open(uri, received::add)) {
            assertThat(next()).isEqualTo(new ServerSentEvent("1:0", "ClaimsSubmitted", "{\"claims\":[]}"));
            assertThat(next()).isEqualTo(new ServerSentEvent("1:1", "message", "first\nsecond"));
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!"2:0".equals(reader.lastId()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(reader.lastId())
                    .as("an id without data still moves the position")
                    .isEqualTo("2:0");
            assertThat(received).isEmpty();
        }
        assertThat(lastEventIds).containsExactly("null");
    }

    @Test
    void a_stream_that_ends_is_reopened_after_its_last_id() throws Exception {
        final AtomicInteger reopened = new AtomicInteger();
        final URI uri =
                serve(200, n -> n == 0 ? "id: 5:0\nevent: A\ndata: one\n\n" : "id: 6:0\nevent: B\ndata: two\n\n", 1);
        try (EventStreamReader reader = EventStreamReader.open(uri, new EventStreamReader.Listener() {
            @Override
            public void event(final ServerSentEvent event) {
                received.add(event);
            }

            @Override
            public void reopened() {
                reopened.incrementAndGet();
            }
        })) {
            assertThat(next().id()).isEqualTo("5:0");
            assertThat(next()).isEqualTo(new ServerSentEvent("6:0", "B", "two"));
            assertThat(reader.lastId()).isEqualTo("6:0");
        }
        assertThat(lastEventIds).containsExactly("null", "5:0");
        assertThat(reopened.get()).isEqualTo(1);
    }

    @Test
    void a_refused_stream_fails_the_caller_that_opens_it() throws Exception {
        final URI uri = serve(503, n -> "", 0);
        assertThatThrownBy(() -> EventStreamReader.open(uri, received::add))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 503");
    }
}
