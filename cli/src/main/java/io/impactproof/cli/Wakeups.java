package io.impactproof.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Wakes an agent as soon as the registry's ledger emits an event that may mean work for it, read
 * from the gateway's event stream ({@code GET /events?name=…}), instead of waiting out its polling
 * interval. The events only say that there may be work: the agent still reads what is left from the
 * ledger, so a missed event costs one interval, never a claim. A broken stream is reopened after
 * its last event ({@code Last-Event-ID}), with a growing pause while the gateway cannot serve it;
 * each reopening wakes the agent once, for what may have happened meanwhile. Thread-safe.
 */
final class Wakeups implements AutoCloseable {
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI events;
    private final Set<String> names;
    private final Thread reader;
    // Guarded by this.
    private boolean due;
    private boolean closed;
    private String lastId;
    private HttpResponse<Stream<String>> response;

    private Wakeups(final URI registry, final Set<String> names) {
        this.events =
                registry.resolve("/events?name=" + URLEncoder.encode(String.join(",", names), StandardCharsets.UTF_8));
        this.names = Set.copyOf(names);
        this.reader = new Thread(this::run, "impactproof-wakeups");
        reader.setDaemon(true);
    }

    /** Follows the registry's events of these names from now on, on a thread of its own. */
    static Wakeups start(final URI registry, final Set<String> names) {
        final Wakeups wakeups = new Wakeups(registry, names);
        wakeups.reader.start();
        return wakeups;
    }

    /**
     * Returns at once if an awaited event came since the last call, else when one comes or {@code
     * longest} has passed.
     */
    synchronized void await(final Duration longest) throws InterruptedException {
        final long deadline = System.nanoTime() + longest.toNanos();
        long left;
        while (!due && !closed && (left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        due = false;
    }

    private synchronized void wake() {
        due = true;
        notifyAll();
    }

    private void run() {
        Duration pause = FIRST_PAUSE;
        boolean first = true;
        while (!isClosed()) {
            try {
                final HttpResponse<Stream<String>> opened = open();
                if (opened.statusCode() == 200) {
                    pause = FIRST_PAUSE;
                    if (!first) {
                        wake(); // events may have been missed while the stream was down
                    }
                    first = false;
                    read(opened);
                } else {
                    opened.body().close(); // e.g. 503 EVENT_STREAMS_BUSY: the interval still holds
                }
            } catch (IOException | RuntimeException e) {
                // the gateway is away: try again after the pause
            } catch (InterruptedException e) {
                return;
            }
            if (!pause(pause)) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private HttpResponse<Stream<String>> open() throws IOException, InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(events).header("Accept", "text/event-stream");
        final String after;
        synchronized (this) {
            after = lastId;
        }
        if (after != null) {
            request.header("Last-Event-ID", after);
        }
        final HttpResponse<Stream<String>> opened = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        synchronized (this) {
            if (closed) {
                opened.body().close();
            }
            response = opened;
        }
        return opened;
    }

    private void read(final HttpResponse<Stream<String>> opened) {
        try (Stream<String> lines = opened.body()) {
            lines.forEach(line -> {
                if (line.startsWith("id:")) {
                    synchronized (this) {
                        lastId = line.substring(3).trim();
                    }
                } else if (line.startsWith("event:")
                        && names.contains(line.substring(6).trim())) {
                    wake();
                }
            });
        }
    }

    private boolean pause(final Duration pause) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, pause.toNanos());
            } catch (InterruptedException e) {
                return false;
            }
            return !closed;
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        final HttpResponse<Stream<String>> current;
        synchronized (this) {
            closed = true;
            current = response;
            notifyAll();
        }
        if (current != null) {
            current.body().close();
        }
    }
}
